package dev.outboxstock.inventory.messaging;

import dev.outboxstock.inventory.service.StockResult;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** Counts consumed stock events by type and result (dead letters are counted by the inbox). */
@ApplicationScoped
public class StockEventMetrics {

    private final MeterRegistry registry;

    public StockEventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void consumed(String eventType, StockResult result) {
        registry.counter(
                        "inventory.stock.events",
                        "type",
                        eventType,
                        "result",
                        result.name().toLowerCase(Locale.ROOT))
                .increment();
    }
}
