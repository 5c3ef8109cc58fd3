package dev.outboxstock.order.service;

import dev.outboxstock.backoff.Backoff;
import dev.outboxstock.order.domain.OrderLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When inventory is asked again about a line it has not answered. The pauses double from
 * {@code orders.reconciliation.ask-again-after} up to {@code ask-again-ceiling}, so an outage of any length costs each
 * line a few requests, not one per round. Each pause is lengthened by up to a fifth at random, never shortened: lines
 * placed in the same second spread out, and the bound on requests per line still holds. Asking stops once the line's
 * request is older than {@code stop-asking-after}.
 */
@ApplicationScoped
public class AskAgainSchedule {

    /** The largest share of a pause added at random. */
    static final double JITTER = 0.2;

    private final Backoff pauses;
    private final Duration stopAskingAfter;
    private final DoubleSupplier random;

    @Inject
    public AskAgainSchedule(ReconciliationConfig config) {
        this(config, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random numbers from 0 (inclusive) to 1 (exclusive) */
    AskAgainSchedule(ReconciliationConfig config, DoubleSupplier random) {
        this.pauses = new Backoff(config.askAgainAfter(), config.askAgainCeiling());
        this.stopAskingAfter = config.stopAskingAfter();
        this.random = random;
    }

    /**
     * When to ask about the line again if it is still unanswered then, once its request is sent (once more) at
     * {@code sentAt}; empty when it is not to be asked about again.
     */
    public Optional<Instant> nextAsk(OrderLine line, Instant sentAt) {
        Duration pause = pauses.pauseAfter(line.timesAsked() + 1);
        Instant next = sentAt.plus(pause).plusMillis((long) (pause.toMillis() * JITTER * random.getAsDouble()));
        return next.isBefore(line.requestedAt().plus(stopAskingAfter)) ? Optional.of(next) : Optional.empty();
    }
}
