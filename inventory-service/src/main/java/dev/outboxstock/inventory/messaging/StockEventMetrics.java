package dev.outboxstock.inventory.messaging;

import dev.outboxstock.inventory.service.StockResult;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts consumed stock events by type and result (dead letters are counted by the inbox). */
@ApplicationScoped
public class StockEventMetrics {

    private final MeterRegistry registry;

    public StockEventMetrics(MeterRegistry registry) {
        this.registry = registry;
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
}
