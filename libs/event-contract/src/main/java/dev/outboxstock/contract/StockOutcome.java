package dev.outboxstock.contract;

import java.util.UUID;

/** What every event on {@link StockOutcomeTopic#NAME} says: which order line it is about. */
public interface StockOutcome {

    UUID orderId();

    String productId();

    int quantity();
}
