package dev.outboxstock.inbox;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Retries an action while it fails transiently, with exponential backoff, for as long as it takes: the partition
 * waits (keeping its order) until the database is back. Permanent failures are thrown at once. Once the
 * application is shutting down, it stops retrying.
 */
@ApplicationScoped
public class TransientFailureRetry {

    private static final Logger LOG = Logger.getLogger(TransientFailureRetry.class);

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private volatile boolean shuttingDown;

    void onShutdown(@Observes ShutdownEvent shutdown) {
        shuttingDown = true;
    }

    /** @throws ShutdownInProgressException when the action failed and the application is stopping */
    <T> T call(Supplier<T> action) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                return action.get();
            } catch (RuntimeException failure) {
                if (shuttingDown) {
                    throw new ShutdownInProgressException(failure);
                }
                if (!TransientFailures.isTransient(failure)) {
                    throw failure;
                }
                LOG.warnf("Transient failure, retrying in %d ms: %s", backoff.toMillis(), failure);
                sleep(backoff, failure);
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
            }
        }
    }

    private static void sleep(Duration backoff, RuntimeException failure) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShutdownInProgressException(failure);
        }
    }
}
