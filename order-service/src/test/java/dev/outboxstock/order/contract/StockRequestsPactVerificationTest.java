package dev.outboxstock.order.contract;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.testing.CommittedContracts;
import dev.outboxstock.contract.testing.KafkaPactMessages;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.OrdersDatabase;
import dev.outboxstock.order.service.OrderLifecycle;
import dev.outboxstock.order.service.OrderService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * order-service keeps the pact inventory-service wrote for the stock requests: each message is what the relay
 * publishes for the outbox row that order-service's own code wrote in the provider state.
 */
@QuarkusTest
@OrderTestResource
@Provider("order-service")
@Consumer("inventory-service")
@PactFolder(CommittedContracts.PACT_FOLDER)
// Public, as are the @PactVerifyProvider methods: Pact's verifier calls them without making them accessible.
public class StockRequestsPactVerificationTest {

    @Inject
    OrderService orders;

    @Inject
    OrderLifecycle lifecycle;

    @InjectLocalStack
    LocalStack stack;

    private StockRequestsAsRelayed stockRequests;
    private UUID order;

    @BeforeEach
    void messagesFromThisClass(PactVerificationContext context) {
        // Pact finds the @PactVerifyProvider methods in this class as Quarkus loaded it, and calls them on this
        // instance.
        context.setTarget(new MessageTestTarget(
                List.of(getClass().getPackageName()), getClass().getClassLoader()));
        stockRequests = new StockRequestsAsRelayed(orders, lifecycle, new OrdersDatabase(stack));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @State("an order with a line for a product is placed")
    void orderPlaced(Map<String, Object> line) {
        order = stockRequests.placeOrder(productId(line), quantity(line));
    }

    @State("an order whose line got its stock is cancelled")
    void orderCancelledAfterStockTaken(Map<String, Object> line) {
        order = stockRequests.cancelAfterStockTaken(productId(line), quantity(line));
    }

    @PactVerifyProvider("a request to take the stock of an order line")
    public MessageAndMetadata takeStock() {
        return KafkaPactMessages.of(stockRequests.relayed(StockDecreaseRequested.TYPE, order));
    }

    @PactVerifyProvider("a request to give back the stock of an order line")
    public MessageAndMetadata giveStockBack() {
        return KafkaPactMessages.of(stockRequests.relayed(StockReleaseRequested.TYPE, order));
    }

    private static String productId(Map<String, Object> line) {
        return (String) line.get("productId");
    }

    private static int quantity(Map<String, Object> line) {
        return ((Number) line.get("quantity")).intValue();
    }
}
