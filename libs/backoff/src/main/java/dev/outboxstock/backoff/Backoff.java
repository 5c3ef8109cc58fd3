package dev.outboxstock.backoff;

import java.time.Duration;

/** Exponential backoff: each pause twice the last, up to a ceiling; the first pause again after a success. */
public final class Backoff {

    /** Past this many doublings every pause is the ceiling anyway; stopping here keeps the product in range. */
    private static final int MAX_DOUBLINGS = 40;

    private final Duration initial;
    private final Duration max;
    private int tries;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The pause after one more failed try. */
    public Duration next() {
        tries++;
        return pauseAfter(tries);
    }

    public void reset() {
        tries = 0;
    }

    /**
     * The pause after the {@code tries}-th try, for a caller that keeps its count of tries elsewhere (in a database
     * row, say): the initial pause after the first, twice as long after each further one, never above the ceiling.
     */
    public Duration pauseAfter(int tries) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1: " + tries);
        }
        Duration pause = initial.multipliedBy(1L << Math.min(tries - 1, MAX_DOUBLINGS));
        return pause.compareTo(max) > 0 ? max : pause;
    }
}
