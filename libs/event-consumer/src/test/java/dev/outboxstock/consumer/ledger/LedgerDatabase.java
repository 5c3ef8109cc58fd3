package dev.outboxstock.consumer.ledger;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.TestDatabase;
import java.util.List;
import java.util.UUID;

/** The ledger database, read directly: the lines applied and the inbox's processed events. */
public final class LedgerDatabase extends TestDatabase {

    public static final String NAME = "ledger";

    public LedgerDatabase(LocalStack stack) {
        super(stack, NAME);
    }

    /** The lines of an account. */
    public long lines(String account) {
        return number("SELECT count(*) FROM ledger_line WHERE account = ?", account);
    }

    /** The source offsets of an account's lines, in the order they were written. */
    public List<Long> offsetsInAppliedOrder(String account) {
        return query("SELECT source_offset FROM ledger_line WHERE account = ? ORDER BY applied_order", account).stream()
                .map(row -> ((Number) row.get(0)).longValue())
                .toList();
    }

    /** The amounts of an account's lines, in the order they were written. */
    public List<Integer> amountsInAppliedOrder(String account) {
        return query("SELECT amount FROM ledger_line WHERE account = ? ORDER BY applied_order", account).stream()
                .map(row -> ((Number) row.get(0)).intValue())
                .toList();
    }

    /** How many transactions wrote the account's lines. */
    public long transactions(String account) {
        return number("SELECT count(DISTINCT transaction_id) FROM ledger_line WHERE account = ?", account);
    }

    /** Whether the inbox holds the event as processed. */
    public boolean processed(UUID eventId) {
        return number("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) > 0;
    }
}
