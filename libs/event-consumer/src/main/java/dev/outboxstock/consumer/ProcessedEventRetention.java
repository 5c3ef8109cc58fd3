package dev.outboxstock.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Forgets processed event ids past the retention period, a bounded batch per statement, so the log does not grow
 * for ever. The period outlasts every way an event can arrive again, so a copy is still recognised.
 */
@ApplicationScoped
public class ProcessedEventRetention {

    private static final Logger LOG = Logger.getLogger(ProcessedEventRetention.class);

    private static final String DELETE_EXPIRED = "DELETE FROM processed_event WHERE event_id IN (SELECT event_id"
            + " FROM processed_event WHERE processed_at < now() - make_interval(secs => ?) LIMIT ?"
            + " FOR UPDATE SKIP LOCKED)";

    private final DataSource dataSource;
    private final InboxConfig.Retention retention;
    private final Counter forgotten;

    public ProcessedEventRetention(DataSource dataSource, InboxConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.retention = config.retention();
        this.forgotten = Counter.builder("inbox.processed.events.removed")
                .description("Processed event ids forgotten after their retention period")
                .register(registry);
    }

    @Scheduled(
            every = "${inbox.retention.sweep-interval}",
            delayed = "${inbox.retention.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        long total = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED)) {
            delete.setLong(1, retention.period().toSeconds());
            delete.setInt(2, retention.batchSize());
            int deleted;
            do {
                deleted = delete.executeUpdate();
                forgotten.increment(deleted);
                total += deleted;
            } while (deleted == retention.batchSize());
        } catch (SQLException e) {
            LOG.warnf("Cannot forget expired processed events: %s", e.getMessage());
        }
        if (total > 0) {
            LOG.infof("Forgot %d processed event ids older than %s", total, retention.period());
        }
    }
}
