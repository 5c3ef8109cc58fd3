package dev.outboxstock.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.Function;

/**
 * A batch of rows bound column by column as SQL arrays, for statements that write or match many rows at once through
 * {@code unnest(...)} or {@code = ANY (...)}: one round trip whatever the batch size. The services share it through
 * this module, which they all depend on.
 */
public final class BatchColumns<T> {

    private final Connection connection;
    private final Collection<T> rows;

    public BatchColumns(Connection connection, Collection<T> rows) {
        this.connection = connection;
        this.rows = rows;
    }

    /** The column's values, in the rows' order, as an array of the SQL element type (such as text or int4). */
    public Array array(String elementType, Function<T, ?> column) throws SQLException {
        return connection.createArrayOf(elementType, rows.stream().map(column).toArray());
    }
}
