package dev.outboxstock.relay.metrics;

import dev.outboxstock.contract.DeadLetterReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Prometheus metrics of the relay: rows relayed, latency from the row's commit to Kafka's acknowledgement, errors
 * by where they happened, and dead letters by reason.
 */
@ApplicationScoped
// Created at startup, not with the first record relayed: the counter and the timer exist from 0 on every replica,
// so rate() and increase() see the first records, and a standby's scrape has them too.
@Startup
public class RelayMetrics {

    /** Where an error happened: sending to Kafka, in the Debezium engine, or in the supervisor that runs it. */
    public static final String KAFKA = "kafka";

    public static final String ENGINE = "engine";

    public static final String SUPERVISOR = "supervisor";

    private final MeterRegistry registry;
    private final Counter relayed;
    private final Timer commitToAck;

    public RelayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.relayed = Counter.builder("relay.records.relayed")
                .description("Outbox rows acknowledged by Kafka on their own topic")
                .register(registry);
        this.commitToAck = Timer.builder("relay.commit.to.ack")
                .description("Time from the outbox row's commit to Kafka's acknowledgement")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
        // Every series from 0, so that an alert's increase() sees the first dead letter or error, and a dashboard
        // shows 0 rather than no data.
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLetters(reason);
        }
        for (String where : List.of(KAFKA, ENGINE, SUPERVISOR)) {
            errors(where);
        }
    }

    public void relayed(long committedAtMillis) {
        relayed.increment();
        commitToAck.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - committedAtMillis)));
    }

    public void deadLettered(DeadLetterReason reason) {
        deadLetters(reason).increment();
    }

    /**
     * An error the relay recovers from by retrying; {@code where} is {@link #KAFKA}, {@link #ENGINE} or
     * {@link #SUPERVISOR}.
     */
    public void error(String where) {
        errors(where).increment();
    }

    private Counter deadLetters(DeadLetterReason reason) {
        return Counter.builder("relay.dead.letters")
                .description("Outbox rows sent to the dead-letter topic")
                .tag("reason", reason.name())
                .register(registry);
    }

    private Counter errors(String where) {
        return Counter.builder("relay.errors")
                .description("Errors the relay retried after")
                .tag("where", where)
                .register(registry);
    }
}
