package dev.outboxstock.contract;

/**
 * New units of a product arrived (a delivery, a return to the shelf). Published on {@link StockTopic#NAME} with the
 * product id as the record key; a product inventory does not know yet is created.
 */
public record StockReplenished(String productId, int quantity) {

    public static final String TYPE = "StockReplenished";
}
