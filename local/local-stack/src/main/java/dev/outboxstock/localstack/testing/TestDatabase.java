package dev.outboxstock.localstack.testing;

import dev.outboxstock.localstack.LocalStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a database of the stack directly, so tests check what was committed rather than what an API says. */
public class TestDatabase {

    private final LocalStack stack;
    private final String name;

    public TestDatabase(LocalStack stack, String name) {
        this.stack = stack;
        this.name = name;
    }

    /** The first column of the first row, as a number: a count, a sum, a level. */
    public long number(String sql, Object... parameters) {
        return ((Number) query(sql, parameters).get(0).get(0)).longValue();
    }

    /** Every row of the result, each as a list of column values. */
    public List<List<Object>> query(String sql, Object... parameters) {
        try (Connection connection = stack.postgres().orElseThrow().connect(name);
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
        try (Connection connection = stack.postgres().orElseThrow().connect(name);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
