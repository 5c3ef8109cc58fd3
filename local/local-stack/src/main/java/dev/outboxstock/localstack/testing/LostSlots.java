package dev.outboxstock.localstack.testing;

import dev.outboxstock.localstack.Await;
import java.time.Duration;

/**
 * Does to a replication slot what PostgreSQL does to one nobody reads: once it holds more WAL than
 * {@code max_slot_wal_keep_size} allows, a checkpoint invalidates it ({@code wal_status = 'lost'}, {@code restart_lsn}
 * NULL). Needs a superuser connection; the setting is reset afterwards.
 */
public final class LostSlots {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private LostSlots() {}

    /** Fills the WAL past a 1 MB cap and checkpoints, until the slot, which must not be read meanwhile, is lost. */
    public static void invalidate(TestDatabase database, String slot) {
        database.execute("ALTER SYSTEM SET max_slot_wal_keep_size = '1MB'");
        database.execute("SELECT pg_reload_conf()");
        try {
            database.execute("CREATE TABLE wal_filler AS SELECT g, repeat('x', 200) AS filler"
                    + " FROM generate_series(1, 200000) g");
            for (int segment = 0; segment < 4; segment++) {
                database.execute("INSERT INTO wal_filler SELECT g, repeat('y', 200) FROM generate_series(1, 50000) g");
                database.execute("SELECT pg_switch_wal()");
            }
            database.execute("CHECKPOINT");
            Await.until(
                    () -> database.number(
                                    "SELECT count(*) FROM pg_replication_slots WHERE slot_name = ?"
                                            + " AND wal_status = 'lost'",
                                    slot)
                            == 1,
                    TIMEOUT,
                    () -> "slot " + slot + " is not lost");
        } finally {
            database.execute("DROP TABLE IF EXISTS wal_filler");
            database.execute("ALTER SYSTEM RESET max_slot_wal_keep_size");
            database.execute("SELECT pg_reload_conf()");
        }
    }
}
