package dev.outboxstock.benchmark.measure;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition by checking it every few milliseconds, up to a deadline. */
public final class Await {

    /** Often enough for a drain to be seen within a few percent; rarely enough that scraping metrics costs little. */
    private static final long CHECK_MILLIS = 50;

    private Await() {}

    /** True as soon as {@code condition} holds; false if it still does not after {@code timeout}. */
    public static boolean until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(CHECK_MILLIS);
        }
        return true;
    }
}
