package dev.outboxstock.console.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether indexing waits on a dead letter it keeps failing to index (the console's database away), since when and
 * why: shown as {@code console_dead_letters_indexing_stalled_seconds} (0 while records flow) and by
 * {@link DeadLetterIndexingCheck}, so that a stall is seen, not only logged.
 */
@ApplicationScoped
public class IndexingStall {

    /** Since when indexing waits, and the latest failure. */
    public record Stall(Instant since, String failure) {}

    private final AtomicReference<Stall> stall = new AtomicReference<>();
    private final Clock clock = Clock.systemUTC();

    public IndexingStall(MeterRegistry registry) {
        Gauge.builder("console.dead.letters.indexing.stalled", this, IndexingStall::stalledSeconds)
                .description("How long dead-letter indexing has waited on a record it keeps failing to index (0: none)")
                .baseUnit("seconds")
                .register(registry);
    }

    void failed(Throwable failure) {
        stall.updateAndGet(
                earlier -> new Stall(earlier == null ? clock.instant() : earlier.since(), String.valueOf(failure)));
    }

    void flowing() {
        stall.set(null);
    }

    public Optional<Stall> current() {
        return Optional.ofNullable(stall.get());
    }

    /** How long indexing has waited, zero when it does not. */
    public Duration stalledFor() {
        return current()
                .map(waiting -> Duration.between(waiting.since(), clock.instant()))
                .orElse(Duration.ZERO);
    }

    private double stalledSeconds() {
        return stalledFor().toMillis() / 1000.0;
    }
}
