package dev.outboxstock.order.contract;

import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.outboxstock.consumer.DecodedEvent;
import dev.outboxstock.consumer.EventSource;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.testing.CommittedContracts;
import dev.outboxstock.contract.testing.SignedInHttpPactVerification;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.domain.ProductQuantity;
import dev.outboxstock.order.service.OrderLifecycle;
import dev.outboxstock.order.service.OrderService;
import dev.outboxstock.order.service.PlaceOrderCommand;
import dev.outboxstock.token.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * order-service keeps the pact its HTTP client (local-system's {@code OrderClient}) wrote: every request is sent to
 * the running application, after the provider state put real orders in its database.
 */
@QuarkusTest
@OrderTestResource
@Provider("order-service")
@Consumer("local-system")
@PactFolder(CommittedContracts.PACT_FOLDER)
class OrderApiPactVerificationTest extends SignedInHttpPactVerification {

    /** The consumer's requests name the order they act on as this provider state value. */
    private static final String ORDER_ID = "orderId";

    @TestHTTPResource("/")
    URL application;

    @Inject
    OrderService orders;

    @Inject
    OrderLifecycle lifecycle;

    @Override
    protected URL application() {
        return application;
    }

    /** Every request of the consumer is made as this caller: a real token of the test issuer. */
    @State("a customer is signed in")
    void signedIn() {
        signIn(TestTokens.customer());
    }

    @State("an order is pending")
    Map<String, Object> pendingOrder() {
        return Map.of(ORDER_ID, placeOrderForTwoApples().toString());
    }

    @State("an order is confirmed")
    Map<String, Object> confirmedOrder() {
        UUID order = placeOrderForTwoApples();
        lifecycle.apply(List.of(new DecodedEvent<>(
                new EventSource(UUID.randomUUID(), 0, 0), StockDecreased.TYPE, new StockDecreased(order, "apple", 2))));
        return Map.of(ORDER_ID, order.toString());
    }

    private UUID placeOrderForTwoApples() {
        return orders.placeOrder(new PlaceOrderCommand(
                        TestTokens.CUSTOMER, List.of(new ProductQuantity("apple", 2)), Optional.empty()))
                .order()
                .id();
    }
}
