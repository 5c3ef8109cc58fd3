package dev.outboxstock.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.Function;

/**
 * One column of a batch as a SQL array, for statements that write or match many rows at once through
 * {@code unnest(...)} or {@code = ANY (...)}: one round trip whatever the batch size. The services share it through
 * this module, which they all depend on.
 */
public final class ColumnArray {

    private ColumnArray() {}

    /** The column's values, in the rows' order, as an array of the SQL element type (such as text or int4). */
    public static <T> Array of(Connection connection, String elementType, Collection<T> rows, Function<T, ?> column)
            throws SQLException {
        return connection.createArrayOf(elementType, rows.stream().map(column).toArray());
    }
}
