package dev.outboxstock.relay.config;

import dev.outboxstock.relay.engine.DebeziumProperties;
import dev.outboxstock.relay.publish.KafkaProducerFactory;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Refuses to start a relay configured to weaken its own guarantees through the pass-through properties
 * ({@code relay.debezium.*}, {@code relay.kafka.producer.*}): where its position is kept, the order records are handed
 * over in, what is streamed, the producer's acknowledgements, idempotence and transactions. Failing at start says so
 * at once, where quietly ignoring the setting would leave its author believing it took effect.
 */
@ApplicationScoped
public class GuaranteedSettings {

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup, RelayConfig config) {
        List<String> refused =
                refused(config.debezium().keySet(), config.kafka().producer().keySet());
        if (!refused.isEmpty()) {
            throw new IllegalStateException(refused + " cannot be set: the relay's delivery guarantees rest on its own"
                    + " values (see docs/relay.md, Guarantees and how they are kept)");
        }
    }

    /** The pass-through keys that may not be set, as configuration keys. */
    static List<String> refused(Set<String> debeziumKeys, Set<String> producerKeys) {
        List<String> refused = new ArrayList<>();
        debeziumKeys.stream()
                .filter(key -> DebeziumProperties.GUARANTEED.contains(key)
                        || key.startsWith(DebeziumProperties.OFFSET_STORAGE_PREFIX))
                .sorted()
                .forEach(key -> refused.add("relay.debezium." + key));
        producerKeys.stream()
                .filter(KafkaProducerFactory.GUARANTEED::contains)
                .sorted()
                .forEach(key -> refused.add("relay.kafka.producer." + key));
        return refused;
    }
}
