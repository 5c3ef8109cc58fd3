package dev.outboxstock.inventory.contract;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.outboxstock.consumer.EventSource;
import dev.outboxstock.contract.StockDecreaseRejected;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.StockReleased;
import dev.outboxstock.contract.testing.CommittedContracts;
import dev.outboxstock.contract.testing.CommittedOutbox;
import dev.outboxstock.contract.testing.KafkaPactMessages;
import dev.outboxstock.inventory.InventoryDatabase;
import dev.outboxstock.inventory.InventoryTestResource;
import dev.outboxstock.inventory.service.StockChange;
import dev.outboxstock.inventory.service.StockService;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * inventory-service keeps the pact order-service wrote for the stock outcomes: each message is what the relay
 * publishes for the outbox row that inventory's own {@link StockService} wrote while applying the order line the
 * provider state names.
 */
@QuarkusTest
@InventoryTestResource
@Provider("inventory-service")
@Consumer("order-service")
@PactFolder(CommittedContracts.PACT_FOLDER)
// Public, as are the @PactVerifyProvider methods: Pact's verifier calls them without making them accessible.
public class StockOutcomesPactVerificationTest {

    @Inject
    StockService stock;

    @InjectLocalStack
    LocalStack stack;

    private StockDecreaseRequested line;

    @BeforeEach
    void messagesFromThisClass(PactVerificationContext context) {
        // Pact finds the @PactVerifyProvider methods in this class as Quarkus loaded it, and calls them on this
        // instance.
        context.setTarget(new MessageTestTarget(
                List.of(getClass().getPackageName()), getClass().getClassLoader()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @State("inventory has enough stock for an order line")
    void enoughStock(Map<String, Object> orderLine) {
        line = orderLine(orderLine);
        stock.setAvailable(line.productId(), line.quantity());
    }

    @State("inventory has too little stock for an order line")
    void tooLittleStock(Map<String, Object> orderLine) {
        line = orderLine(orderLine);
        stock.setAvailable(line.productId(), line.quantity() - 1);
    }

    @State("inventory does not know the product of an order line")
    void unknownProduct(Map<String, Object> orderLine) {
        line = orderLine(orderLine);
        if (stock.findProduct(line.productId()).isPresent()) {
            throw new IllegalStateException("Inventory knows " + line.productId());
        }
    }

    @State("inventory took the stock of an order line")
    void stockTaken(Map<String, Object> orderLine) {
        enoughStock(orderLine);
        takeTheLine();
    }

    @PactVerifyProvider("stock taken for an order line")
    public MessageAndMetadata stockTakenMessage() {
        return answerToTakingTheLine(StockDecreased.TYPE);
    }

    @PactVerifyProvider("stock refused for an order line: too little stock")
    public MessageAndMetadata tooLittleStockMessage() {
        return answerToTakingTheLine(StockDecreaseRejected.TYPE);
    }

    @PactVerifyProvider("stock refused for an order line: unknown product")
    public MessageAndMetadata unknownProductMessage() {
        return answerToTakingTheLine(StockDecreaseRejected.TYPE);
    }

    @PactVerifyProvider("stock given back for an order line")
    public MessageAndMetadata stockGivenBackMessage() {
        stock.apply(List.of(StockChange.of(
                newEvent(), new StockReleaseRequested(line.orderId(), line.productId(), line.quantity()))));
        return relayed(StockReleased.TYPE);
    }

    /** Inventory is asked, as a new event, to take the order line's stock. */
    private void takeTheLine() {
        stock.apply(List.of(StockChange.of(newEvent(), line)));
    }

    /** Inventory is asked to take the order line's stock; what the relay publishes of its answer of this type. */
    private MessageAndMetadata answerToTakingTheLine(String type) {
        takeTheLine();
        return relayed(type);
    }

    /** What the relay publishes for the one outcome of this type that inventory wrote for the order line. */
    private MessageAndMetadata relayed(String type) {
        return KafkaPactMessages.of(
                new CommittedOutbox(new InventoryDatabase(stack)).relayedForOrder(type, line.orderId()));
    }

    private static EventSource newEvent() {
        return new EventSource(UUID.randomUUID(), 0, 0);
    }

    private static StockDecreaseRequested orderLine(Map<String, Object> params) {
        return new StockDecreaseRequested(
                UUID.fromString((String) params.get("orderId")),
                (String) params.get("productId"),
                ((Number) params.get("quantity")).intValue());
    }
}
