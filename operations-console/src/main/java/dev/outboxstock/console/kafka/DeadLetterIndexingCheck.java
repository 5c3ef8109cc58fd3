package dev.outboxstock.console.kafka;

import dev.outboxstock.console.config.ConsoleConfig;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Down while dead-letter indexing has waited on one record for longer than {@code console.indexing-retry.stalled-after}
 * (the database away): new dead letters are then not shown. A wellness check ({@code /q/health/well}, and in
 * {@code /q/health}), not readiness: the page must stay reachable while indexing waits, and a restart would not help.
 */
@Wellness
@ApplicationScoped
public class DeadLetterIndexingCheck implements HealthCheck {

    private final IndexingStall stall;
    private final Duration stalledAfter;

    public DeadLetterIndexingCheck(IndexingStall stall, ConsoleConfig config) {
        this.stall = stall;
        this.stalledAfter = config.indexingRetry().stalledAfter();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("dead-letter-indexing")
                .status(stall.stalledFor().compareTo(stalledAfter) <= 0);
        stall.current()
                .ifPresent(waiting -> response.withData(
                                "waitingSince", waiting.since().toString())
                        .withData("failure", waiting.failure()));
        return response.build();
    }
}
