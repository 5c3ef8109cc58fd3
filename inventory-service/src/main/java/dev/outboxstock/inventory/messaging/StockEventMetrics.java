package dev.outboxstock.inventory.messaging;

import dev.outboxstock.inventory.service.StockResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts consumed stock events by type and result, and dead letters. */
@ApplicationScoped
public class StockEventMetrics {

    private final MeterRegistry registry;
    private final Counter deadLettered;

    public StockEventMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.deadLettered = Counter.builder("inventory.stock.events.dead.lettered")
                .description("Stock topic records sent to the dead-letter topic")
                .register(registry);
    }

    void consumed(Class<?> payloadType, StockResult result) {
        registry.counter(
                        "inventory.stock.events",
                        "type",
                        payloadType.getSimpleName(),
                        "result",
                        result.name().toLowerCase())
                .increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }
}
