package dev.outboxstock.order;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.TestDatabase;
import java.util.List;

/** The orders database, read directly. */
public final class OrdersDatabase extends TestDatabase {

    public static final String NAME = "orders";

    /** Every table a request could write to. */
    public static final List<String> TABLES =
            List.of("customer_order", "order_line", "idempotency_key", "outbox_event");

    public OrdersDatabase(LocalStack stack) {
        super(stack, NAME);
    }

    /** Rows in every table a request could write to: equal before and after means nothing was written. */
    public long rowsInAllTables() {
        return TABLES.stream()
                .mapToLong(table -> number("SELECT count(*) FROM " + table))
                .sum();
    }
}
