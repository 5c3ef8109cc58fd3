package dev.outboxstock.localstack.testing;

import java.util.List;

/**
 * A logical replication slot of a test's own with {@code test_decoding}, which shows every change in text: what the
 * outbox's writes put in the write-ahead log (a relay's {@code pgoutput} slot sees the same changes). Made by
 * {@link #create}; closing it drops it.
 */
public record DecodingSlot(TestDatabase database, String name) implements AutoCloseable {

    public static DecodingSlot create(TestDatabase database, String name) {
        database.execute("SELECT pg_create_logical_replication_slot('" + name + "', 'test_decoding')");
        return new DecodingSlot(database, name);
    }

    /**
     * The changes to {@code outbox_event} the slot has not yet handed out, in log order, each as
     * {@code table public.outbox_event: INSERT: ...} (or {@code DELETE}, {@code UPDATE}).
     */
    public List<String> outboxChanges() {
        return database.query("SELECT data FROM pg_logical_slot_get_changes('" + name + "', NULL, NULL)").stream()
                .map(row -> (String) row.get(0))
                .filter(change -> change.startsWith("table public.outbox_event"))
                .toList();
    }

    @Override
    public void close() {
        database.execute("SELECT pg_drop_replication_slot('" + name + "')");
    }
}
