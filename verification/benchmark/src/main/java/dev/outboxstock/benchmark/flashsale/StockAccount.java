package dev.outboxstock.benchmark.flashsale;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The books of a sale once it settled: units confirmed to customers plus units left must equal the units there
 * were, and no product may end below zero. Measured, not assumed: an oversell shows as confirmed units beyond the
 * initial stock, or as books that do not balance.
 *
 * @param lowestStock the lowest final stock of any product of the sale
 */
public record StockAccount(long initialUnits, long confirmedUnits, long finalUnits, long lowestStock) {

    /** Units confirmed beyond what there was; 0 when the design holds. */
    public long oversells() {
        return Math.max(0, confirmedUnits - initialUnits) + Math.max(0, -lowestStock);
    }

    public boolean balances() {
        return confirmedUnits + finalUnits == initialUnits;
    }

    /**
     * Reads the final stock of {@code products} from {@code table} ({@code id}, {@code available}) on {@code
     * connection}.
     */
    static StockAccount read(
            Connection connection, String table, List<String> products, long initialUnits, long confirmedUnits)
            throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT coalesce(sum(available), 0), coalesce(min(available), 0) FROM "
                        + table + " WHERE id = ANY (?)")) {
            Array ids = connection.createArrayOf("varchar", products.toArray(String[]::new));
            query.setArray(1, ids);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return new StockAccount(initialUnits, confirmedUnits, result.getLong(1), result.getLong(2));
            }
        }
    }
}
