package dev.outboxstock.contract;

/** What every event on {@link StockTopic#NAME} says: which product (the record key) and how many units. */
public interface StockEvent {

    String productId();

    int quantity();
}
