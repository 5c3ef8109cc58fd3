package dev.outboxstock.relay.wal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.relay.source.SourceDatabase;
import dev.outboxstock.relay.wal.SlotReading.SlotState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Gets the relay streaming again after its slot was lost (invalidated by PostgreSQL) or dropped, before the engine
 * starts. The position the relay stored is then worthless, for no slot can resume from it: the lost slot is dropped,
 * the position forgotten, and the engine creates a new slot and streams what is written from then on, so that the
 * services take events again. What was written between the last position and the new slot never reached the relay:
 * it says so, with the time to publish again from ({@code SELECT outbox_republish(...)}, see docs/relay.md), in the log
 * and in the metric {@code relay_slot_recreated_total}.
 */
@ApplicationScoped
public class LostSlotRecovery {

    private static final Logger LOG = Logger.getLogger(LostSlotRecovery.class);

    /**
     * An outbox row's {@code created_at} is its transaction's start, which may precede the commit the position
     * records: publishing again from this much earlier also covers transactions that ran that long.
     */
    private static final Duration LONGEST_TRANSACTION = Duration.ofMinutes(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceDatabase database;
    /** Counted here and read by the metric: a recovery at start-up may come before the metrics registry is ready. */
    private final AtomicLong recreated = new AtomicLong();

    public LostSlotRecovery(SourceDatabase database, MeterRegistry registry) {
        this.database = database;
        FunctionCounter.builder("relay.slot.recreated", recreated, AtomicLong::get)
                .description("Times the slot was lost or gone and streaming restarted from a new one: events since"
                        + " the last position must be published again")
                .register(registry);
    }

    /** Makes the slot usable for the engine; a no-op while it is, or before it was ever created. */
    public void beforeStreaming() throws SQLException {
        try (Connection connection = database.connect("slot recovery")) {
            SlotState slot =
                    SlotReading.of(connection, database.source().slot()).state();
            if (slot == SlotState.USABLE) {
                return;
            }
            if (slot == SlotState.LOST) {
                dropSlot(connection);
            }
            Optional<StoredPosition> forgotten = forgetPosition(connection);
            if (slot == SlotState.LOST || forgotten.isPresent()) {
                recreated.incrementAndGet();
                String since = forgotten
                        .flatMap(StoredPosition::lastCommit)
                        .map(commit -> commit.minus(LONGEST_TRANSACTION)
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString())
                        .orElse("-infinity");
                LOG.errorf(
                        "Replication slot %s was %s: streaming again from a new slot. Events written since the relay's"
                                + " last position never reached it: publish them again, as the service's role in"
                                + " database %s: SELECT outbox_republish('%s');",
                        database.source().slot(),
                        slot == SlotState.LOST ? "lost" : "gone",
                        database.source().database(),
                        since);
            }
        }
    }

    private void dropSlot(Connection connection) throws SQLException {
        try (PreparedStatement drop = connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
            drop.setString(1, database.source().slot());
            drop.execute();
        }
    }

    /** The position the relay had stored: the commit time of the last event it covered, when it records one. */
    private record StoredPosition(Optional<Instant> lastCommit) {}

    /**
     * Deletes the stored position and returns it; empty when none was stored, also when the position table does not
     * exist yet: a role allowed to create it (a superuser in dev mode, a managed database's relay role with CREATE on
     * the schema) leaves that to Debezium's first start.
     */
    private Optional<StoredPosition> forgetPosition(Connection connection) throws SQLException {
        String table = database.source().offsetTable();
        if (!tableExists(connection, table)) {
            return Optional.empty();
        }
        Optional<StoredPosition> position = Optional.empty();
        try (PreparedStatement last = connection.prepareStatement("SELECT offset_val FROM " + table
                        + " ORDER BY record_insert_ts DESC, record_insert_seq DESC LIMIT 1");
                ResultSet row = last.executeQuery()) {
            if (row.next()) {
                position = Optional.of(new StoredPosition(commitTime(row.getString(1))));
            }
        }
        try (PreparedStatement forget = connection.prepareStatement("DELETE FROM " + table)) {
            forget.executeUpdate();
        }
        return position;
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, table);
            try (ResultSet row = exists.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** Debezium's PostgreSQL position holds the commit time of its last event as {@code ts_usec}. */
    private static Optional<Instant> commitTime(String position) {
        try {
            JsonNode micros = JSON.readTree(position).path("ts_usec");
            return micros.canConvertToLong()
                    ? Optional.of(Instant.EPOCH.plus(micros.asLong(), ChronoUnit.MICROS))
                    : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
