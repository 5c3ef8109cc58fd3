package dev.outboxstock.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a partition has waited too long on a record that keeps failing: the database is away, a privilege
 * is missing, or a bug stops it. Liveness stays up: the consumer resumes by itself once the cause is gone.
 */
@Readiness
@ApplicationScoped
public class InboxReadinessCheck implements HealthCheck {

    private final RecordRetry retry;

    public InboxReadinessCheck(RecordRetry retry) {
        this.retry = retry;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, StalledPartitions.Stall> stalled = retry.stalledTooLong();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("inbox").status(stalled.isEmpty());
        stalled.forEach((partition, stall) ->
                response.withData(partition, "waiting since " + stall.since() + ": " + stall.failure()));
        return response.build();
    }
}
