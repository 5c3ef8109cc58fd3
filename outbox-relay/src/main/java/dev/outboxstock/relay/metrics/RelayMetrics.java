package dev.outboxstock.relay.metrics;

import dev.outboxstock.relay.route.DeadLetterReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Prometheus metrics of the relay: rows relayed, latency from the row's commit to Kafka's acknowledgement, errors
 * by where they happened, and dead letters by reason.
 */
@ApplicationScoped
// Created at startup, not with the first record relayed: the counter and the timer exist from 0 on every replica,
// so rate() and increase() see the first records, and a standby's scrape has them too.
@Startup
public class RelayMetrics {

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
    }

    public void relayed(long committedAtMillis) {
        relayed.increment();
        commitToAck.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - committedAtMillis)));
    }

    public void deadLettered(DeadLetterReason reason) {
        Counter.builder("relay.dead.letters")
                .description("Outbox rows sent to the dead-letter topic")
                .tag("reason", reason.name())
                .register(registry)
                .increment();
    }

    /** An error the relay recovers from by retrying; {@code where} is {@code kafka} or {@code engine}. */
    public void error(String where) {
        Counter.builder("relay.errors")
                .description("Errors the relay retried after")
                .tag("where", where)
                .register(registry)
                .increment();
    }
}
