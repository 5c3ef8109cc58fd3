package dev.outboxstock.relay.ha;

import dev.outboxstock.backoff.Backoff;
import dev.outboxstock.relay.config.RelayConfig;
import dev.outboxstock.relay.engine.RelayEngine;
import dev.outboxstock.relay.metrics.RelayMetrics;
import dev.outboxstock.relay.source.SourceDatabase;
import dev.outboxstock.relay.status.RelayStatus;
import dev.outboxstock.relay.wal.LostSlotRecovery;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps exactly one replica of a relay streaming: each replica competes for the {@link StreamingLock}; its holder
 * ends any replication session a former holder left on the slot, gets a lost or dropped slot going again, and runs
 * the engine for as long as it holds the lock; the others stand by and take over when the holder dies, freezes or
 * loses its database session. An engine that stopped on an error is started again after a pause that doubles while it
 * keeps failing (a missing publication, a revoked privilege), up to a minute. Also what a single
 * replica does when the database restarts: lose the lock, wait for the database, take the lock, stream on.
 *
 * <p>Whatever fails in a round (an engine property Debezium refuses, a failure stopping the engine) is counted
 * ({@code relay_errors_total{where="supervisor"}}), makes the replica not ready while it lasts, and is tried again
 * after the same doubling pause: the supervisor never stops while the application runs, for a replica that reports
 * itself ready and streams nothing would leave a relay of one replica silent. Should its thread end all the same (an
 * {@link Error}), the replica is no longer live, and is restarted.
 */
@ApplicationScoped
public class RelaySupervisor {

    private static final Logger LOG = Logger.getLogger(RelaySupervisor.class);

    private static final Duration MAX_RESTART_DELAY = Duration.ofMinutes(1);

    private final SourceDatabase database;
    private final RelayEngine engine;
    private final LostSlotRecovery slotRecovery;
    private final RelayStatus status;
    private final RelayMetrics metrics;
    private final RelayConfig.HighAvailability ha;
    private final Duration stopTimeout;
    private final Backoff restartDelay;
    private final Thread thread = new Thread(this::superviseUntilShutdown, "relay-supervisor");
    private volatile boolean running = true;

    public RelaySupervisor(
            SourceDatabase database,
            RelayEngine engine,
            LostSlotRecovery slotRecovery,
            RelayStatus status,
            RelayMetrics metrics,
            RelayConfig config) {
        this.database = database;
        this.engine = engine;
        this.slotRecovery = slotRecovery;
        this.status = status;
        this.metrics = metrics;
        this.ha = config.ha();
        this.stopTimeout = config.stopTimeout();
        this.restartDelay = new Backoff(ha.restartDelay(), MAX_RESTART_DELAY);
        thread.setUncaughtExceptionHandler((ended, error) -> {
            LOG.fatal("The relay's supervisor ended: this replica can no longer stream", error);
            status.supervisorEnded(error.toString());
        });
    }

    void start(@Observes StartupEvent startup) {
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        thread.join(stopTimeout.toMillis());
    }

    private void superviseUntilShutdown() {
        while (running) {
            try {
                superviseOneRound();
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                Duration pause = restartDelay.next();
                LOG.errorf(e, "The relay's supervisor failed; this replica tries again in %d ms", pause.toMillis());
                metrics.error(RelayMetrics.SUPERVISOR);
                status.supervisorFailed(e.toString());
                pause(pause);
            }
        }
    }

    private void superviseOneRound() throws InterruptedException {
        Optional<StreamingLock> lock = tryAcquire();
        if (lock.isPresent()) {
            streamWhileHolding(lock.get());
            pause(restartDelay.next());
        } else {
            pause(ha.checkInterval());
        }
    }

    private Optional<StreamingLock> tryAcquire() {
        try {
            Optional<StreamingLock> lock = StreamingLock.tryAcquire(database, ha.lockSessionTimeout());
            status.databaseReachable();
            return lock;
        } catch (SQLException e) {
            if (status.databaseProblem().isEmpty()) {
                LOG.warnf("Cannot reach the source database to take the streaming lock: %s", e.getMessage());
            }
            status.databaseUnreachable(e.getMessage());
            return Optional.empty();
        }
    }

    /** Streams until the engine stops or the lock is lost; the engine is stopped before the lock is released. */
    private void streamWhileHolding(StreamingLock lock) throws InterruptedException {
        try (lock) {
            LOG.info("Took the streaming lock: this replica streams");
            status.role(RelayStatus.Role.ACTIVE);
            lock.endFormerReadersOf(database.source().slot());
            slotRecovery.beforeStreaming();
            try {
                engine.start(lock);
                while (running && engine.isRunning() && lock.isHeld()) {
                    if (status.engine() == RelayStatus.EngineState.STREAMING) {
                        restartDelay.reset();
                        status.supervisorRecovered();
                    }
                    // Wakes as soon as the engine stopped by itself: the term ends at once, and the lock with it.
                    engine.awaitStopped(ha.checkInterval());
                }
                if (running && engine.isRunning()) {
                    LOG.warn("Lost the streaming lock's database session: stopping, another replica may stream now");
                }
            } finally {
                engine.stop();
            }
        } catch (SQLException e) {
            LOG.warnf("Cannot prepare the slot for streaming: %s", e.getMessage());
            status.databaseUnreachable(e.getMessage());
        } finally {
            status.role(RelayStatus.Role.STANDBY);
        }
    }

    private void pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (running && System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.min(100, duration.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
