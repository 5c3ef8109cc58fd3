package dev.outboxstock.inventory;

import dev.outboxstock.inventory.service.StockService;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What a test of stock event consumption needs: the running service's stock API, a producer of stock events and
 * direct reads of the database. Subclasses are {@code @QuarkusTest @InventoryTestResource}.
 */
public abstract class StockEventTestBase {

    @InjectLocalStack
    protected LocalStack stack;

    @Inject
    protected StockService stockService;

    protected StockEventProducer events;
    protected InventoryDatabase database;

    @BeforeEach
    void connect() {
        events = new StockEventProducer(stack.kafka().orElseThrow().bootstrapServers());
        database = new InventoryDatabase(stack);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    /** A new product with this many units. */
    protected String newProduct(String prefix, int available) {
        String product = prefix + "-" + UUID.randomUUID();
        stockService.setAvailable(product, available);
        return product;
    }
}
