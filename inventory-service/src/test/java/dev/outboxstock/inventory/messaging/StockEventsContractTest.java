package dev.outboxstock.inventory.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.consumer.InvalidEventException;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.contract.testing.ConsumerContractTest;
import dev.outboxstock.contract.testing.ContractValidator;
import dev.outboxstock.contract.testing.KafkaPactMessages;
import dev.outboxstock.inventory.domain.MovementKind;
import dev.outboxstock.inventory.service.StockChange;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What inventory-service needs of order-service's stock requests, written as the pact order-service verifies, and
 * read by inventory's own decoder. The key must be the product id: the states fix it, so the pact pins it exactly.
 */
@ConsumerContractTest
@PactTestFor(providerName = "order-service", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class StockEventsContractTest {

    private static final String CONSUMER = "inventory-service";
    private static final String PRODUCT = "apple";
    private static final int QUANTITY = 2;
    private static final UUID ORDER = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
    private static final Map<String, Object> ORDER_LINE = Map.of("productId", PRODUCT, "quantity", QUANTITY);

    private final StockEventDecoder decoder = new StockEventDecoder(new ObjectMapper(), ContractValidator.create());

    @Pact(consumer = CONSUMER)
    V4Pact takeStock(MessagePactBuilder builder) {
        return requestAboutTheOrderLine(
                builder,
                "an order with a line for a product is placed",
                "a request to take the stock of an order line",
                StockDecreaseRequested.TYPE);
    }

    @Pact(consumer = CONSUMER)
    V4Pact giveStockBack(MessagePactBuilder builder) {
        return requestAboutTheOrderLine(
                builder,
                "an order whose line got its stock is cancelled",
                "a request to give back the stock of an order line",
                StockReleaseRequested.TYPE);
    }

    @Test
    @PactTestFor(pactMethod = "takeStock")
    void aRequestToTakeStockDecodes(V4Interaction.AsynchronousMessage message) throws InvalidEventException {
        assertDecodesToAChangeOfTheOrderLine(message, MovementKind.DECREASE);
    }

    @Test
    @PactTestFor(pactMethod = "giveStockBack")
    void aRequestToGiveStockBackDecodes(V4Interaction.AsynchronousMessage message) throws InvalidEventException {
        assertDecodesToAChangeOfTheOrderLine(message, MovementKind.RELEASE);
    }

    /** In this state, order-service sends a request of this type about the order line, keyed by its product. */
    private static V4Pact requestAboutTheOrderLine(
            MessagePactBuilder builder, String state, String description, String type) {
        return builder.given(state, ORDER_LINE)
                .expectsToReceive(description)
                .withMetadata(KafkaPactMessages.expectedMetadata(StockTopic.NAME, PRODUCT, type))
                .withContent(orderLine())
                .toPact(V4Pact.class);
    }

    private void assertDecodesToAChangeOfTheOrderLine(V4Interaction.AsynchronousMessage message, MovementKind kind)
            throws InvalidEventException {
        assertThat(decoder.decode(KafkaPactMessages.toIncomingRecord(message)))
                .extracting(StockChange::kind, StockChange::productId, StockChange::quantity, StockChange::orderId)
                .containsExactly(kind, PRODUCT, QUANTITY, Optional.of(ORDER));
    }

    /** Any order id; the product the record is keyed by; any whole number of units. */
    private static PactDslJsonBody orderLine() {
        return new PactDslJsonBody()
                .uuid("orderId", ORDER)
                .stringValue("productId", PRODUCT)
                .integerType("quantity", QUANTITY);
    }
}
