package dev.outboxstock.relay.health;

import dev.outboxstock.relay.status.RelayStatus;
import dev.outboxstock.relay.wal.SlotMonitor;
import dev.outboxstock.relay.wal.SlotReading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Live as long as the supervisor runs: the relay recovers from every outage by itself, so a restart would not help,
 * unless the supervisor's thread ended. Ready when active and streaming with Kafka acknowledging, or standing by able
 * to take over, and the slot is not lost (until the streaming replica replaces it); never while the supervisor fails.
 * Both report the role, the engine, what is wrong, the slot's state and the WAL it retains.
 */
@ApplicationScoped
public class RelayHealthChecks {

    private static final String NAME = "outbox-relay";

    private final RelayStatus status;
    private final SlotMonitor slot;

    public RelayHealthChecks(RelayStatus status, SlotMonitor slot) {
        this.status = status;
        this.slot = slot;
    }

    @Produces
    @Liveness
    HealthCheck alive() {
        return () -> describe().status(status.isSupervising()).build();
    }

    @Produces
    @Readiness
    HealthCheck ready() {
        return () -> describe()
                .status(status.isReady() && slot.state() != SlotReading.SlotState.LOST)
                .build();
    }

    private HealthCheckResponseBuilder describe() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME)
                .withData("role", status.role().name())
                .withData("engine", status.engine().name());
        status.engineFailure().ifPresent(failure -> builder.withData("engineFailure", failure));
        status.kafkaProblem().ifPresent(problem -> builder.withData("kafka", problem));
        status.databaseProblem().ifPresent(problem -> builder.withData("database", problem));
        status.supervisorProblem().ifPresent(problem -> builder.withData("supervisor", problem));
        builder.withData("slot", slot.state().name());
        slot.retainedWalBytes().ifPresent(bytes -> builder.withData("retainedWalBytes", bytes));
        return builder;
    }
}
