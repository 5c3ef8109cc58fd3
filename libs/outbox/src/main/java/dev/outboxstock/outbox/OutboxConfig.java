package dev.outboxstock.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the outbox ({@code OUTBOX_SLOT}, {@code OUTBOX_RETENTION_PERIOD} and so on). */
@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /**
     * The logical replication slot of the relay that reads this outbox (its {@code relay.source.slot}). Events are
     * written only while it exists and is not lost: an event written while it is gone could never be relayed.
     */
    @WithDefault("outbox_slot")
    String slot();

    /**
     * The database role of the relay that reads this outbox: the schema migration lets it read the outbox table,
     * and nothing else, when the role exists (a deployment creates it before the service first starts).
     */
    @WithDefault("outbox_relay")
    String relayRole();

    /** How often the slot's state is read from {@code pg_replication_slots}. */
    @WithDefault("1s")
    Duration slotCheckInterval();

    /**
     * Delete each row in the same transaction right after inserting it: the insert is in the write-ahead log, which
     * is all the relay reads, so the table stays empty. The price: if the slot is ever lost, the events it had not yet
     * confirmed are gone for good, with no row left to publish them again from. Off by default: rows are kept for
     * the retention period instead.
     */
    @WithDefault("false")
    boolean deleteAfterInsert();

    Retention retention();

    /** How long rows are kept so they can be published again, and how they are removed afterwards. */
    interface Retention {

        /**
         * How long a row stays after its insert: the longest relay outage or slot loss that can be recovered from
         * the table. Consumers must remember the event ids they processed for longer than this.
         */
        @WithDefault("3d")
        Duration period();

        /** How often rows past the period are removed. */
        @WithDefault("1m")
        Duration sweepInterval();

        /** Rows removed per statement: short transactions that never hold many locks or much WAL at once. */
        @WithDefault("5000")
        int batchSize();
    }
}
