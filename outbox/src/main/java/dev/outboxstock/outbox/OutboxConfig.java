package dev.outboxstock.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the outbox ({@code OUTBOX_DELETE_AFTER_INSERT} and so on). */
@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /**
     * Delete each row in the same transaction right after inserting it. The insert is in the write-ahead log, which
     * is all the relay reads, so the table stays empty and needs no cleaning. Writes then wait for a logical
     * replication slot to exist in the database, or an event could be lost before the relay ever started.
     */
    @WithDefault("true")
    boolean deleteAfterInsert();
}
