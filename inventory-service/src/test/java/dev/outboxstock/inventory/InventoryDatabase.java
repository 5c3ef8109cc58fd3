package dev.outboxstock.inventory;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.TestDatabase;

/** The inventory database, read directly. */
public final class InventoryDatabase extends TestDatabase {

    public static final String NAME = "inventory";

    public InventoryDatabase(LocalStack stack) {
        super(stack, NAME);
    }

    public int available(String productId) {
        return (int) number("SELECT available FROM product WHERE id = ?", productId);
    }
}
