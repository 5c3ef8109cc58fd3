package dev.outboxstock.consumer.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures a test arms in the ledger's apply: thrown inside its transaction, after the inbox claim and the lines were
 * written, so that each try is rolled back whole. None is permanent (see the library's {@code PermanentFailures}):
 * they stand for the database away, a lock timeout, a bug being fixed.
 */
@ApplicationScoped
public class ApplyFaults {

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicBoolean failingUntilCured = new AtomicBoolean();
    private final AtomicInteger failed = new AtomicInteger();

    /** The next {@code count} tries fail. */
    public void failNext(int count) {
        failuresLeft.set(count);
    }

    /** Every try fails until {@link #cure()}. */
    public void failUntilCured() {
        failingUntilCured.set(true);
    }

    public void cure() {
        failingUntilCured.set(false);
        failuresLeft.set(0);
    }

    /** How many tries failed since the application started. */
    public int failed() {
        return failed.get();
    }

    void afterWriting() {
        if (failingUntilCured.get() || failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            failed.incrementAndGet();
            throw new IllegalStateException("A failure that goes away (try " + failed.get() + ")");
        }
    }
}
