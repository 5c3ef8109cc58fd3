package dev.outboxstock.relay.wal;

import dev.outboxstock.relay.source.SourceDatabase;
import dev.outboxstock.relay.wal.SlotReading.SlotState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Reads the relay's replication slot every {@code relay.slot-check-interval}: how much WAL it keeps PostgreSQL from
 * recycling (what grows while the relay is down or behind, and fills the disk if nothing caps it), and whether
 * PostgreSQL invalidated it for keeping more than {@code max_slot_wal_keep_size} allows. Metrics
 * {@code relay_slot_retained_wal_bytes} (NaN unless known: never 0 for a lost slot) and {@code relay_slot_lost}.
 */
@ApplicationScoped
public class SlotMonitor {

    private static final Logger LOG = Logger.getLogger(SlotMonitor.class);

    private final SourceDatabase database;
    private volatile SlotReading reading = SlotReading.UNKNOWN;

    public SlotMonitor(SourceDatabase database, MeterRegistry registry) {
        this.database = database;
        Gauge.builder(
                        "relay.slot.retained.wal",
                        this,
                        monitor -> monitor.retainedWalBytes().stream()
                                .mapToDouble(bytes -> bytes)
                                .findFirst()
                                .orElse(Double.NaN))
                .description(
                        "WAL the replication slot retains, in bytes; NaN when the slot is lost, missing or unknown")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("relay.slot.lost", this, monitor -> monitor.state() == SlotState.LOST ? 1 : 0)
                .description("1 while PostgreSQL has invalidated the replication slot")
                .register(registry);
    }

    public SlotState state() {
        return reading.state();
    }

    /** The WAL the slot retains, in bytes; empty unless the slot is usable. */
    public OptionalLong retainedWalBytes() {
        return reading.retainedWalBytes();
    }

    @Scheduled(every = "${relay.slot-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        SlotReading read;
        try (Connection connection = database.connect("slot monitor")) {
            read = SlotReading.of(connection, database.source().slot());
        } catch (SQLException e) {
            LOG.debugf("Cannot read the replication slot: %s", e.getMessage());
            read = SlotReading.UNKNOWN;
        }
        if (read.state() == SlotState.LOST && reading.state() != SlotState.LOST) {
            LOG.errorf(
                    "Replication slot %s is lost: PostgreSQL removed WAL it had not confirmed. The streaming replica"
                            + " starts again from a new slot and logs what to publish again",
                    database.source().slot());
        }
        reading = read;
    }
}
