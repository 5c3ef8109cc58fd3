package dev.outboxstock.contract;

import java.util.Optional;

/** An outbox row's columns by name, however it was read: what {@link OutboxRouting} routes by. */
public interface OutboxColumns {

    /** A column's value as text; empty when the row has no such column or holds null. */
    Optional<String> text(String column);

    /** Whether the database declares the column {@code json} or {@code jsonb}, so it already checked the content. */
    boolean isJson(String column);
}
