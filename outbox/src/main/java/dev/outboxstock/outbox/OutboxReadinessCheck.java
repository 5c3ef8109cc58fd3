package dev.outboxstock.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready to take writes while deleted-after-insert outbox rows could not yet be seen by any relay. */
@Readiness
@ApplicationScoped
public class OutboxReadinessCheck implements HealthCheck {

    private final OutboxConfig config;
    private final ReplicationSlotGuard slotGuard;

    public OutboxReadinessCheck(OutboxConfig config, ReplicationSlotGuard slotGuard) {
        this.config = config;
        this.slotGuard = slotGuard;
    }

    @Override
    @Transactional
    public HealthCheckResponse call() {
        boolean slot = slotGuard.slotExists();
        return HealthCheckResponse.named("outbox")
                .status(!config.deleteAfterInsert() || slot)
                .withData("deleteAfterInsert", config.deleteAfterInsert())
                .withData("replicationSlot", slot)
                .build();
    }
}
