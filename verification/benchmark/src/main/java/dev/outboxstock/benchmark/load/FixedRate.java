package dev.outboxstock.benchmark.load;

import java.util.concurrent.locks.LockSupport;

/** A schedule of events at a fixed rate from now on: event {@code i} is due at {@code start + i * interval}. */
public final class FixedRate {

    private final long startNanos = System.nanoTime();
    private final long intervalNanos;

    public FixedRate(double perSecond) {
        this.intervalNanos = (long) (1e9 / perSecond);
    }

    /** Waits until event {@code i} is due (returns at once when it is late); returns when it was due. */
    public long awaitDue(long i) {
        long due = startNanos + i * intervalNanos;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        return due;
    }
}
