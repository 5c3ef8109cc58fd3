package dev.outboxstock.relay.health;

import dev.outboxstock.relay.engine.RelayStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Live unless the engine failed; ready while it streams. */
@ApplicationScoped
public class RelayHealthChecks {

    private static final String NAME = "outbox-relay";

    private final RelayStatus status;

    public RelayHealthChecks(RelayStatus status) {
        this.status = status;
    }

    @Produces
    @Liveness
    HealthCheck alive() {
        return () ->
                describe().status(status.state() != RelayStatus.State.FAILED).build();
    }

    @Produces
    @Readiness
    HealthCheck streaming() {
        return () ->
                describe().status(status.state() == RelayStatus.State.STREAMING).build();
    }

    private HealthCheckResponseBuilder describe() {
        HealthCheckResponseBuilder builder =
                HealthCheckResponse.named(NAME).withData("state", status.state().name());
        status.failure().ifPresent(failure -> builder.withData("failure", failure));
        return builder;
    }
}
