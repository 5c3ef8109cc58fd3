package dev.outboxstock.backoff;

import java.time.Duration;

/** Exponential backoff: each pause twice the last, up to a ceiling; the first pause again after a success. */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    public Duration next() {
        Duration pause = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return pause;
    }

    public void reset() {
        next = initial;
    }
}
