package dev.outboxstock.relay.wal;

import dev.outboxstock.relay.source.SourceDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * How much WAL the relay's slot keeps PostgreSQL from recycling, in bytes: what grows while the relay is down or
 * behind, and fills the disk if nothing caps it ({@code max_slot_wal_keep_size}). Measured periodically, for the
 * metric {@code relay.slot.retained.wal} and the health check.
 */
@ApplicationScoped
public class RetainedWal {

    private static final Logger LOG = Logger.getLogger(RetainedWal.class);

    private final SourceDatabase database;
    private volatile OptionalLong bytes = OptionalLong.empty();

    public RetainedWal(SourceDatabase database, MeterRegistry registry) {
        this.database = database;
        Gauge.builder("relay.slot.retained.wal", this, wal -> wal.bytes().orElse(-1))
                .description("WAL the replication slot retains, in bytes; -1 when the slot or database is unknown")
                .baseUnit("bytes")
                .register(registry);
    }

    /** The last measurement; empty when the slot does not exist (yet) or the database was out of reach. */
    public OptionalLong bytes() {
        return bytes;
    }

    @Scheduled(every = "${relay.retained-wal-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try {
            bytes = query().map(OptionalLong::of).orElse(OptionalLong.empty());
        } catch (SQLException e) {
            LOG.debugf("Cannot measure the retained WAL: %s", e.getMessage());
            bytes = OptionalLong.empty();
        }
    }

    private Optional<Long> query() throws SQLException {
        try (Connection connection = database.connect("retained WAL");
                PreparedStatement statement =
                        connection.prepareStatement("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint"
                                + " FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, database.source().slot());
            try (ResultSet slot = statement.executeQuery()) {
                return slot.next() ? Optional.of(slot.getLong(1)) : Optional.empty();
            }
        }
    }
}
