package dev.outboxstock.order.service;

import java.util.List;

/** The order asks for more units of these products than the stock-level view shows: refused before anything is written. */
public class SoldOutException extends RuntimeException {

    private final List<String> productIds;

    public SoldOutException(List<String> productIds) {
        super("Not enough stock of " + String.join(", ", productIds));
        this.productIds = List.copyOf(productIds);
    }

    public List<String> productIds() {
        return productIds;
    }
}
