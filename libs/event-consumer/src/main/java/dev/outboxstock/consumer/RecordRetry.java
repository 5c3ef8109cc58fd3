package dev.outboxstock.consumer;

import dev.outboxstock.backoff.Backoff;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Tries to apply records until it works, with exponential backoff, for as long as it takes: the partition waits,
 * keeping its order, until the database is back, a privilege is granted again or a bug is fixed. Each retry is
 * counted, and a partition that waits too long makes the service not ready. A permanent failure is thrown at once.
 * Once the application is shutting down, it stops retrying.
 */
@ApplicationScoped
public class RecordRetry {

    private static final Logger LOG = Logger.getLogger(RecordRetry.class);

    private final InboxConfig.Retry config;
    private final MeterRegistry registry;
    private final StalledPartitions stalled = new StalledPartitions(Clock.systemUTC());
    private volatile boolean shuttingDown;

    public RecordRetry(InboxConfig config, MeterRegistry registry) {
        this.config = config.retry();
        this.registry = registry;
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        shuttingDown = true;
    }

    /**
     * @param topic the record's topic, for the retry counter
     * @param partitions name the partitions that wait, for the readiness check
     * @throws ShutdownInProgressException when the action failed and the application is stopping
     * @throws RuntimeException the action's permanent failure
     */
    void untilApplied(String topic, Set<String> partitions, Runnable action) {
        Backoff backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        try {
            while (true) {
                try {
                    action.run();
                    return;
                } catch (RuntimeException failure) {
                    if (shuttingDown) {
                        throw new ShutdownInProgressException(failure);
                    }
                    if (PermanentFailures.isPermanent(failure)) {
                        throw failure;
                    }
                    partitions.forEach(partition -> stalled.failed(partition, failure));
                    registry.counter("inbox.records.retried", "topic", topic).increment();
                    Duration pause = backoff.next();
                    LOG.warnf(
                            "%s wait on failing records, retrying in %d ms: %s", partitions, pause.toMillis(), failure);
                    sleep(pause, failure);
                }
            }
        } finally {
            partitions.forEach(stalled::flowing);
        }
    }

    /** The partitions waiting on a failing record for longer than the configured limit. */
    Map<String, StalledPartitions.Stall> stalledTooLong() {
        return stalled.stalledLongerThan(config.notReadyAfter());
    }

    private static void sleep(Duration pause, RuntimeException failure) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShutdownInProgressException(failure);
        }
    }
}
