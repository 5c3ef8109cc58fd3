package dev.outboxstock.system.client;

import static dev.outboxstock.system.client.ClientRequest.answer;
import static dev.outboxstock.system.client.ClientRequest.assertRefusedWith;
import static dev.outboxstock.system.client.ClientRequest.signedIn;
import static dev.outboxstock.system.client.ClientRequest.signedInOnStatePath;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.outboxstock.contract.testing.ConsumerContractTest;
import dev.outboxstock.system.client.OrderClient.Line;
import dev.outboxstock.system.client.OrderClient.Order;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What {@link OrderClient} needs of order-service's HTTP API, written as the pact order-service verifies. */
@ConsumerContractTest
@PactTestFor(providerName = "order-service", pactVersion = PactSpecVersion.V4)
class OrderClientContractTest {

    private static final String CONSUMER = "local-system";
    private static final UUID ORDER = UUID.fromString("5d0f7a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b");
    private static final String ORDER_PATH = "/orders/${orderId}";
    private static final String TWO_APPLES = "{\"lines\":[{\"productId\":\"apple\",\"quantity\":2}]}";

    @Pact(consumer = CONSUMER)
    V4Pact placeOrder(PactDslWithProvider builder) {
        return answer(
                placing(builder, "a request to place an order", ClientRequest.JSON, TWO_APPLES), 201, order("PENDING"));
    }

    @Pact(consumer = CONSUMER)
    V4Pact placeOrderIdempotently(PactDslWithProvider builder) {
        return answer(
                placing(
                        builder,
                        "a request to place an order with an Idempotency-Key",
                        Map.of("Content-Type", "application/json", "Idempotency-Key", "checkout-4711"),
                        TWO_APPLES),
                201,
                order("PENDING"));
    }

    @Pact(consumer = CONSUMER)
    V4Pact placeOrderWithoutLines(PactDslWithProvider builder) {
        return ProblemAnswer.of(
                placing(builder, "a request to place an order without lines", ClientRequest.JSON, "{\"lines\":[]}"),
                400,
                "Bad Request");
    }

    @Pact(consumer = CONSUMER)
    V4Pact findOrder(PactDslWithProvider builder) {
        return answer(
                signedInOnStatePath(
                        customer(builder).given("an order is pending").uponReceiving("a request for an order"),
                        "GET",
                        ORDER_PATH,
                        "/orders/" + ORDER),
                200,
                order("PENDING"));
    }

    @Pact(consumer = CONSUMER)
    V4Pact findMissingOrder(PactDslWithProvider builder) {
        return answer(
                signedIn(
                        customer(builder).uponReceiving("a request for an order that does not exist"),
                        "GET",
                        "/orders/" + ORDER),
                404);
    }

    @Pact(consumer = CONSUMER)
    V4Pact cancelPendingOrder(PactDslWithProvider builder) {
        return answer(
                cancelling(customer(builder)
                        .given("an order is pending")
                        .uponReceiving("a request to cancel a pending order")),
                200,
                order("CANCELLED"));
    }

    @Pact(consumer = CONSUMER)
    V4Pact cancelConfirmedOrder(PactDslWithProvider builder) {
        return ProblemAnswer.of(
                cancelling(customer(builder)
                        .given("an order is confirmed")
                        .uponReceiving("a request to cancel a confirmed order")),
                409,
                "Conflict");
    }

    @Test
    @PactTestFor(pactMethod = "placeOrder")
    void placesAnOrder(MockServer server) {
        Order order = client(server).placeOrder(List.of(new Line("apple", 2)));

        assertThat(order.id()).isEqualTo(ORDER);
        assertThat(order.status()).isEqualTo("PENDING");
        assertThat(order.lines()).containsExactly(new OrderClient.OrderLine("apple", 2, "PENDING", null));
    }

    @Test
    @PactTestFor(pactMethod = "placeOrderIdempotently")
    void placesAnOrderWithAnIdempotencyKey(MockServer server) {
        assertThat(client(server)
                        .placeOrder("checkout-4711", List.of(new Line("apple", 2)))
                        .id())
                .isEqualTo(ORDER);
    }

    @Test
    @PactTestFor(pactMethod = "placeOrderWithoutLines")
    void anOrderWithoutLinesIsRefused(MockServer server) {
        assertRefusedWith(400, () -> client(server).placeOrder(List.of()));
    }

    @Test
    @PactTestFor(pactMethod = "findOrder")
    void findsAnOrder(MockServer server) {
        assertThat(client(server).findOrder(ORDER))
                .hasValueSatisfying(order -> assertThat(order.status()).isEqualTo("PENDING"));
    }

    @Test
    @PactTestFor(pactMethod = "findMissingOrder")
    void anOrderThatDoesNotExistIsNotFound(MockServer server) {
        assertThat(client(server).findOrder(ORDER)).isEmpty();
    }

    @Test
    @PactTestFor(pactMethod = "cancelPendingOrder")
    void cancelsAPendingOrder(MockServer server) {
        assertThat(client(server).cancel(ORDER).status()).isEqualTo("CANCELLED");
    }

    @Test
    @PactTestFor(pactMethod = "cancelConfirmedOrder")
    void aConfirmedOrderCannotBeCancelled(MockServer server) {
        assertRefusedWith(409, () -> client(server).cancel(ORDER));
    }

    private static OrderClient client(MockServer server) {
        return new OrderClient(URI.create(server.getUrl()), ClientRequest.EXAMPLE_TOKEN);
    }

    private static PactDslWithState customer(PactDslWithProvider builder) {
        return builder.given(ClientRequest.CUSTOMER_SIGNED_IN);
    }

    /** The customer posts a new order with these headers and this body. */
    private static PactDslRequestWithPath placing(
            PactDslWithProvider builder, String description, Map<String, String> headers, String body) {
        return signedIn(customer(builder).uponReceiving(description), "POST", "/orders")
                .headers(headers)
                .body(body);
    }

    /** The customer cancels the order the provider's state created. */
    private static PactDslRequestWithPath cancelling(PactDslRequestWithoutPath request) {
        return signedInOnStatePath(request, "POST", ORDER_PATH + "/cancel", "/orders/" + ORDER + "/cancel");
    }

    /** An order as the client reads it: any id, this status, its one line of two apples. */
    private static DslPart order(String status) {
        return new PactDslJsonBody()
                .uuid("id", ORDER)
                .stringValue("status", status)
                .minArrayLike("lines", 1, 1)
                .stringValue("productId", "apple")
                .integerType("quantity", 2)
                .stringType("status", "PENDING")
                .closeObject()
                .closeArray();
    }
}
