package dev.outboxstock.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Watches the replication slot of this outbox's relay: an event reaches Kafka only through that slot, so the outbox
 * takes events only while the slot exists and is not lost. Read from {@code pg_replication_slots} every
 * {@code outbox.slot-check-interval}, never assumed: a slot can be dropped, or invalidated by PostgreSQL once it holds
 * more WAL than {@code max_slot_wal_keep_size} allows. The state is the metric {@code outbox_slot{state=...}}.
 */
@ApplicationScoped
public class RelaySlotWatch {

    private static final Logger LOG = Logger.getLogger(RelaySlotWatch.class);

    /** A reading older than this many check intervals is no longer trusted (the checks are failing). */
    private static final int STALE_AFTER_CHECKS = 3;

    private final DataSource dataSource;
    private final String slot;
    private final Duration staleAfter;
    private volatile SlotState state = SlotState.UNKNOWN;
    private volatile long readAtNanos;

    public RelaySlotWatch(DataSource dataSource, OutboxConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.slot = config.slot();
        this.staleAfter = config.slotCheckInterval().multipliedBy(STALE_AFTER_CHECKS);
        for (SlotState each : SlotState.values()) {
            Gauge.builder("outbox.slot", this, watch -> watch.state() == each ? 1 : 0)
                    .description("1 for the state the relay's replication slot is in; events are taken only in USABLE")
                    .tag("slot", slot)
                    .tag("state", each.name())
                    .register(registry);
        }
    }

    public String slot() {
        return slot;
    }

    /** The slot's state at the last reading, or UNKNOWN when there is no recent one. */
    public SlotState state() {
        boolean recent = System.nanoTime() - readAtNanos < staleAfter.toNanos();
        return recent ? state : SlotState.UNKNOWN;
    }

    /** @throws OutboxNotReadyException unless the slot is usable */
    void requireUsable() {
        SlotState now = state();
        if (now != SlotState.USABLE) {
            throw new OutboxNotReadyException(slot, now);
        }
    }

    @Scheduled(every = "${outbox.slot-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        SlotState read;
        try {
            read = read();
        } catch (SQLException e) {
            LOG.debugf("Cannot read the state of slot %s: %s", slot, e.getMessage());
            return;
        }
        if (read != state) {
            LOG.logf(
                    read == SlotState.USABLE ? Logger.Level.INFO : Logger.Level.ERROR,
                    "Replication slot %s is %s%s",
                    slot,
                    read,
                    read == SlotState.USABLE ? ": taking events" : ": refusing events until it is usable");
        }
        state = read;
        readAtNanos = System.nanoTime();
    }

    private SlotState read() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT wal_status = 'lost' OR restart_lsn IS NULL FROM pg_replication_slots"
                                + " WHERE slot_name = ? AND database = current_database()")) {
            query.setString(1, slot);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return SlotState.MISSING;
                }
                return row.getBoolean(1) ? SlotState.LOST : SlotState.USABLE;
            }
        }
    }
}
