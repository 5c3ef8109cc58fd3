package dev.outboxstock.system.client;

import static dev.outboxstock.system.client.ClientRequest.answer;
import static dev.outboxstock.system.client.ClientRequest.assertRefusedWith;
import static dev.outboxstock.system.client.ClientRequest.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.outboxstock.contract.testing.ConsumerContractTest;
import dev.outboxstock.system.client.InventoryClient.Product;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link InventoryClient} needs of inventory-service's stock API, written as the pact inventory verifies. */
@ConsumerContractTest
@PactTestFor(providerName = "inventory-service", pactVersion = PactSpecVersion.V4)
class InventoryClientContractTest {

    private static final String CONSUMER = "local-system";
    private static final String UNKNOWN_PRODUCT = "never-stocked-kiwi";

    @Pact(consumer = CONSUMER)
    V4Pact setStock(PactDslWithProvider builder) {
        return answer(settingStock(builder, "a request to set the stock of a product", 10), 200, product(10));
    }

    @Pact(consumer = CONSUMER)
    V4Pact setNegativeStock(PactDslWithProvider builder) {
        return ProblemAnswer.of(
                settingStock(builder, "a request to set the stock of a product below zero", -1), 400, "Bad Request");
    }

    @Pact(consumer = CONSUMER)
    V4Pact findProduct(PactDslWithProvider builder) {
        return answer(
                signedIn(
                        stockAdmin(builder)
                                .given("a product is in stock", Map.of("productId", "apple", "available", 7))
                                .uponReceiving("a request for a product"),
                        "GET",
                        "/products/apple"),
                200,
                product(7));
    }

    @Pact(consumer = CONSUMER)
    V4Pact findUnknownProduct(PactDslWithProvider builder) {
        return answer(
                signedIn(
                        stockAdmin(builder)
                                .given("inventory does not know a product", Map.of("productId", UNKNOWN_PRODUCT))
                                .uponReceiving("a request for a product inventory does not know"),
                        "GET",
                        "/products/" + UNKNOWN_PRODUCT),
                404);
    }

    @Test
    @PactTestFor(pactMethod = "setStock")
    void setsTheStockOfAProduct(MockServer server) {
        assertThat(client(server).setStock("apple", 10)).isEqualTo(new Product("apple", 10, 3));
    }

    @Test
    @PactTestFor(pactMethod = "setNegativeStock")
    void stockBelowZeroIsRefused(MockServer server) {
        assertRefusedWith(400, () -> client(server).setStock("apple", -1));
    }

    @Test
    @PactTestFor(pactMethod = "findProduct")
    void readsTheUnitsAvailable(MockServer server) {
        assertThat(client(server).available("apple")).isEqualTo(7);
    }

    @Test
    @PactTestFor(pactMethod = "findUnknownProduct")
    void aProductInventoryDoesNotKnowHasNoUnits(MockServer server) {
        assertThat(client(server).findProduct(UNKNOWN_PRODUCT)).isEmpty();
        assertThat(client(server).available(UNKNOWN_PRODUCT)).isZero();
    }

    private static InventoryClient client(MockServer server) {
        return new InventoryClient(URI.create(server.getUrl()), ClientRequest.EXAMPLE_TOKEN);
    }

    private static PactDslWithState stockAdmin(PactDslWithProvider builder) {
        return builder.given(ClientRequest.STOCK_ADMIN_SIGNED_IN);
    }

    /** The stock administrator sets apple's stock to this many units. */
    private static PactDslRequestWithPath settingStock(PactDslWithProvider builder, String description, int available) {
        return signedIn(stockAdmin(builder).uponReceiving(description), "PUT", "/products/apple/stock")
                .headers(ClientRequest.JSON)
                .body("{\"available\":" + available + "}");
    }

    /** A product as the client reads it: apple, this many units, any version. */
    private static DslPart product(int available) {
        return new PactDslJsonBody()
                .stringValue("id", "apple")
                .integerType("available", available)
                .integerType("version", 3L);
    }
}
