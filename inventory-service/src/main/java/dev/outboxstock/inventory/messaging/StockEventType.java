package dev.outboxstock.inventory.messaging;

import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.StockReplenished;
import java.util.Arrays;
import java.util.Optional;

/** The events of the stock topic that inventory applies, by their {@code eventType} header. */
enum StockEventType {
    DECREASE(StockDecreaseRequested.TYPE, StockDecreaseRequested.class, true),
    RELEASE(StockReleaseRequested.TYPE, StockReleaseRequested.class, true),
    REPLENISH(StockReplenished.TYPE, StockReplenished.class, false);

    private final String wireName;
    private final Class<?> payloadType;
    private final boolean forAnOrder;

    StockEventType(String wireName, Class<?> payloadType, boolean forAnOrder) {
        this.wireName = wireName;
        this.payloadType = payloadType;
        this.forAnOrder = forAnOrder;
    }

    static Optional<StockEventType> of(String wireName) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(wireName))
                .findFirst();
    }

    Class<?> payloadType() {
        return payloadType;
    }

    /** Whether the payload must name the order it belongs to. */
    boolean forAnOrder() {
        return forAnOrder;
    }
}
