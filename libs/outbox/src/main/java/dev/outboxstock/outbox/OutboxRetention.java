package dev.outboxstock.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps the outbox table to its retention period: rows stay long enough to be published again after a relay outage
 * or a lost slot ({@code outbox_republish}), then go, a bounded batch per statement (an index on {@code created_at}
 * finds them; {@code SKIP LOCKED} lets several replicas sweep at once). Also measures the table for the metrics
 * {@code outbox_table_size_bytes} and {@code outbox_table_rows} (PostgreSQL's estimate).
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);

    private static final String DELETE_EXPIRED = "DELETE FROM outbox_event WHERE id IN (SELECT id FROM outbox_event"
            + " WHERE created_at < now() - make_interval(secs => ?) LIMIT ? FOR UPDATE SKIP LOCKED)";
    private static final String MEASURE = "SELECT pg_total_relation_size(c.oid), greatest(c.reltuples, 0)::bigint"
            + " FROM pg_class c WHERE c.oid = to_regclass('outbox_event')";

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final Counter removed;
    private volatile long sizeBytes = -1;
    private volatile long rows = -1;

    public OutboxRetention(DataSource dataSource, OutboxConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.removed = Counter.builder("outbox.rows.removed")
                .description("Outbox rows removed after their retention period")
                .register(registry);
        Gauge.builder("outbox.table.size", this, retention -> retention.sizeBytes)
                .description("Size of the outbox table with its indexes, in bytes; -1 before it was measured")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("outbox.table.rows", this, retention -> retention.rows)
                .description("Rows in the outbox table, as PostgreSQL estimates them")
                .register(registry);
    }

    @Scheduled(
            every = "${outbox.retention.sweep-interval}",
            delayed = "${outbox.retention.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try (Connection connection = dataSource.getConnection()) {
            if (!config.deleteAfterInsert()) {
                removeExpired(connection);
            }
            measure(connection);
        } catch (SQLException e) {
            LOG.warnf("Cannot sweep the outbox table: %s", e.getMessage());
        }
    }

    private void removeExpired(Connection connection) throws SQLException {
        long total = 0;
        try (PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED)) {
            delete.setLong(1, config.retention().period().toSeconds());
            delete.setInt(2, config.retention().batchSize());
            int deleted;
            do {
                deleted = delete.executeUpdate();
                removed.increment(deleted);
                total += deleted;
            } while (deleted == config.retention().batchSize());
        }
        if (total > 0) {
            LOG.infof(
                    "Removed %d outbox rows older than %s",
                    total, config.retention().period());
        }
    }

    private void measure(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(MEASURE);
                ResultSet table = query.executeQuery()) {
            if (table.next()) {
                sizeBytes = table.getLong(1);
                rows = table.getLong(2);
            }
        }
    }
}
