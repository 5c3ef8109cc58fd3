package dev.outboxstock.relay.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GuaranteedSettingsTest {

    @Test
    void refusesEveryPassThroughKeyTheGuaranteesRestOn() {
        assertThat(GuaranteedSettings.refused(
                        Set.of(
                                "snapshot.mode",
                                "record.processing.order",
                                "offset.storage",
                                "offset.storage.jdbc.table.name",
                                "errors.max.retries",
                                "poll.interval.ms"),
                        Set.of("acks", "enable.idempotence", "transactional.id", "delivery.timeout.ms", "linger.ms")))
                .containsExactly(
                        "relay.debezium.errors.max.retries",
                        "relay.debezium.offset.storage",
                        "relay.debezium.offset.storage.jdbc.table.name",
                        "relay.debezium.record.processing.order",
                        "relay.debezium.snapshot.mode",
                        "relay.kafka.producer.acks",
                        "relay.kafka.producer.delivery.timeout.ms",
                        "relay.kafka.producer.enable.idempotence",
                        "relay.kafka.producer.transactional.id");
    }

    @Test
    void acceptsTuning() {
        assertThat(GuaranteedSettings.refused(Set.of("poll.interval.ms"), Set.of("linger.ms", "compression.type")))
                .isEmpty();
    }
}
