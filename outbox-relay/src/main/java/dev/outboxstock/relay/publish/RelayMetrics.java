package dev.outboxstock.relay.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Prometheus metrics of the relay: records relayed, send failures, and latency from commit to Kafka ack. */
@ApplicationScoped
public class RelayMetrics {

    private final Counter relayed;
    private final Counter failed;
    private final Timer commitToAck;

    public RelayMetrics(MeterRegistry registry) {
        this.relayed = Counter.builder("relay.records.relayed")
                .description("Outbox rows acknowledged by Kafka")
                .register(registry);
        this.failed = Counter.builder("relay.records.failed")
                .description("Sends Kafka did not acknowledge")
                .register(registry);
        this.commitToAck = Timer.builder("relay.commit.to.ack")
                .description("Time from the outbox row's commit to Kafka's acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
    }

    void relayed(long committedAtMillis) {
        relayed.increment();
        commitToAck.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - committedAtMillis)));
    }

    void failed() {
        failed.increment();
    }
}
