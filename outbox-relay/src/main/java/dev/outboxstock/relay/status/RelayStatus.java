package dev.outboxstock.relay.status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What this relay replica is doing now; the health checks report it, and the metric {@code relay_active} says whether
 * it streams: across a relay's replicas it sums to 1, which is what an alert can check (a standby is ready too, so
 * readiness cannot tell that no replica streams).
 */
@ApplicationScoped
// Created at startup, not on first use: the gauge must be there on a standby that nothing has asked yet.
@Startup
public class RelayStatus {

    /** Whether this replica holds the streaming lock. */
    public enum Role {
        STANDBY,
        ACTIVE
    }

    public enum EngineState {
        STOPPED,
        STARTING,
        STREAMING,
        FAILED
    }

    private final AtomicReference<Role> role = new AtomicReference<>(Role.STANDBY);
    private final AtomicReference<EngineState> engine = new AtomicReference<>(EngineState.STOPPED);
    private final AtomicReference<String> engineFailure = new AtomicReference<>();
    private final AtomicReference<String> kafkaProblem = new AtomicReference<>();
    private final AtomicReference<String> databaseProblem = new AtomicReference<>();
    private final AtomicReference<String> supervisorProblem = new AtomicReference<>();
    private volatile boolean supervising = true;

    public RelayStatus(MeterRegistry registry) {
        Gauge.builder("relay.active", this, status -> status.isStreaming() ? 1 : 0)
                .description("1 while this replica holds the streaming lock and its engine streams, else 0")
                .register(registry);
    }

    public Role role() {
        return role.get();
    }

    public EngineState engine() {
        return engine.get();
    }

    /** Why the engine last failed, until it streams again. */
    public Optional<String> engineFailure() {
        return Optional.ofNullable(engineFailure.get());
    }

    /** Why records are waiting for Kafka right now; empty while Kafka acknowledges in time. */
    public Optional<String> kafkaProblem() {
        return Optional.ofNullable(kafkaProblem.get());
    }

    /** Why the source database cannot be reached for the streaming lock; empty when it can. */
    public Optional<String> databaseProblem() {
        return Optional.ofNullable(databaseProblem.get());
    }

    /** Why the supervisor's last round failed, until this replica streams again; empty when none failed. */
    public Optional<String> supervisorProblem() {
        return Optional.ofNullable(supervisorProblem.get());
    }

    /** False once the supervisor's thread ended while the application runs: nothing will stream here again. */
    public boolean isSupervising() {
        return supervising;
    }

    /** Holds the streaming lock and its engine streams. */
    public boolean isStreaming() {
        return role() == Role.ACTIVE && engine() == EngineState.STREAMING;
    }

    /**
     * Active and streaming with Kafka acknowledging, or standing by with the database in reach, able to take over:
     * both as they should be. Not while the supervisor fails: it cannot stream then.
     */
    public boolean isReady() {
        if (supervisorProblem().isPresent() || !isSupervising()) {
            return false;
        }
        return switch (role()) {
            case STANDBY -> databaseProblem().isEmpty();
            case ACTIVE -> engine() == EngineState.STREAMING && kafkaProblem().isEmpty();
        };
    }

    public void role(Role now) {
        role.set(now);
    }

    public void engineStarting() {
        engine.set(EngineState.STARTING);
    }

    public void engineStreaming() {
        engineFailure.set(null);
        engine.set(EngineState.STREAMING);
    }

    public void engineStopped() {
        engine.compareAndSet(EngineState.STARTING, EngineState.STOPPED);
        engine.compareAndSet(EngineState.STREAMING, EngineState.STOPPED);
    }

    public void engineFailed(String reason) {
        engineFailure.set(reason);
        engine.set(EngineState.FAILED);
    }

    public void kafkaUnavailable(String reason) {
        kafkaProblem.set(reason);
    }

    public void kafkaAvailable() {
        kafkaProblem.set(null);
    }

    public void databaseUnreachable(String reason) {
        databaseProblem.set(reason);
    }

    public void databaseReachable() {
        databaseProblem.set(null);
    }

    public void supervisorFailed(String reason) {
        supervisorProblem.set(reason);
    }

    public void supervisorRecovered() {
        supervisorProblem.set(null);
    }

    public void supervisorEnded(String reason) {
        supervisorProblem.set(reason);
        supervising = false;
    }
}
