package dev.outboxstock.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the outbox refuses events: its relay's replication slot is missing or lost. */
@Readiness
@ApplicationScoped
public class OutboxReadinessCheck implements HealthCheck {

    private final RelaySlotWatch slotWatch;

    public OutboxReadinessCheck(RelaySlotWatch slotWatch) {
        this.slotWatch = slotWatch;
    }

    @Override
    public HealthCheckResponse call() {
        SlotState state = slotWatch.state();
        return HealthCheckResponse.named("outbox")
                .status(state == SlotState.USABLE)
                .withData("slot", slotWatch.slot())
                .withData("slotState", state.name())
                .build();
    }
}
