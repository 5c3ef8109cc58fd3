package dev.outboxstock.inventory;

import dev.outboxstock.localstack.LocalStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the inventory database directly, so tests check what was committed rather than what an API says. */
public final class InventoryDatabase {

    public static final String NAME = "inventory";

    private final LocalStack stack;

    public InventoryDatabase(LocalStack stack) {
        this.stack = stack;
    }

    /** The first column of the first row, as a number: a count, a sum, a level. */
    public long number(String sql, Object... parameters) {
        return ((Number) query(sql, parameters).get(0).get(0)).longValue();
    }

    public int available(String productId) {
        return (int) number("SELECT available FROM product WHERE id = ?", productId);
    }

    /** Every row of the result, each as a list of column values. */
    public List<List<Object>> query(String sql, Object... parameters) {
        try (Connection connection = stack.postgres().orElseThrow().connect(NAME);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int column = 1; column <= columns; column++) {
                        row.add(result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public void execute(String sql) {
        try (Connection connection = stack.postgres().orElseThrow().connect(NAME)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
