package dev.outboxstock.order.messaging;

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
import dev.outboxstock.contract.StockDecreaseRejected;
import dev.outboxstock.contract.StockDecreaseRejected.RejectionReason;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.contract.StockReleased;
import dev.outboxstock.contract.testing.ConsumerContractTest;
import dev.outboxstock.contract.testing.ContractValidator;
import dev.outboxstock.contract.testing.KafkaPactMessages;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What order-service needs of inventory-service's outcomes, written as the pact inventory-service verifies, and read
 * by order-service's own decoder. Each state names the order line, so the pact pins that the key is its order id.
 */
@ConsumerContractTest
@PactTestFor(providerName = "inventory-service", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class StockOutcomesContractTest {

    private static final String CONSUMER = "order-service";
    private static final String PRODUCT = "apple";
    private static final int QUANTITY = 2;
    // One order per interaction: the provider finds the outcome it wrote by its order.
    private static final UUID TAKEN = UUID.fromString("0a4e5b6c-1d2e-4f3a-8b4c-5d6e7f8a9b01");
    private static final UUID TOO_FEW = UUID.fromString("0a4e5b6c-1d2e-4f3a-8b4c-5d6e7f8a9b02");
    private static final UUID UNKNOWN = UUID.fromString("0a4e5b6c-1d2e-4f3a-8b4c-5d6e7f8a9b03");
    private static final UUID RELEASED = UUID.fromString("0a4e5b6c-1d2e-4f3a-8b4c-5d6e7f8a9b04");
    private static final String UNKNOWN_PRODUCT = "discontinued-pear";

    private final StockOutcomeDecoder decoder = new StockOutcomeDecoder(new ObjectMapper(), ContractValidator.create());

    @Pact(consumer = CONSUMER)
    V4Pact stockTaken(MessagePactBuilder builder) {
        return outcomeForTheOrderLine(
                builder,
                "inventory has enough stock for an order line",
                "stock taken for an order line",
                StockDecreased.TYPE,
                TAKEN,
                PRODUCT);
    }

    @Pact(consumer = CONSUMER)
    V4Pact tooLittleStock(MessagePactBuilder builder) {
        return refusalOfTheOrderLine(
                builder,
                "inventory has too little stock for an order line",
                "stock refused for an order line: too little stock",
                TOO_FEW,
                PRODUCT,
                RejectionReason.INSUFFICIENT_STOCK);
    }

    @Pact(consumer = CONSUMER)
    V4Pact unknownProduct(MessagePactBuilder builder) {
        return refusalOfTheOrderLine(
                builder,
                "inventory does not know the product of an order line",
                "stock refused for an order line: unknown product",
                UNKNOWN,
                UNKNOWN_PRODUCT,
                RejectionReason.UNKNOWN_PRODUCT);
    }

    @Pact(consumer = CONSUMER)
    V4Pact stockReleased(MessagePactBuilder builder) {
        return outcomeForTheOrderLine(
                builder,
                "inventory took the stock of an order line",
                "stock given back for an order line",
                StockReleased.TYPE,
                RELEASED,
                PRODUCT);
    }

    @Test
    @PactTestFor(pactMethod = "stockTaken")
    void stockTakenDecodes(V4Interaction.AsynchronousMessage message) throws InvalidEventException {
        assertThat(decode(message)).isEqualTo(new StockDecreased(TAKEN, PRODUCT, QUANTITY));
    }

    @Test
    @PactTestFor(pactMethod = "tooLittleStock")
    void aRefusalForTooLittleStockDecodes(V4Interaction.AsynchronousMessage message) throws InvalidEventException {
        assertThat(decode(message))
                .isEqualTo(new StockDecreaseRejected(TOO_FEW, PRODUCT, QUANTITY, RejectionReason.INSUFFICIENT_STOCK));
    }

    @Test
    @PactTestFor(pactMethod = "unknownProduct")
    void aRefusalForAnUnknownProductDecodes(V4Interaction.AsynchronousMessage message) throws InvalidEventException {
        assertThat(decode(message))
                .isEqualTo(
                        new StockDecreaseRejected(UNKNOWN, UNKNOWN_PRODUCT, QUANTITY, RejectionReason.UNKNOWN_PRODUCT));
    }

    @Test
    @PactTestFor(pactMethod = "stockReleased")
    void stockGivenBackDecodes(V4Interaction.AsynchronousMessage message) throws InvalidEventException {
        assertThat(decode(message)).isEqualTo(new StockReleased(RELEASED, PRODUCT, QUANTITY));
    }

    private Object decode(V4Interaction.AsynchronousMessage message) throws InvalidEventException {
        return decoder.decode(KafkaPactMessages.toIncomingRecord(message)).payload();
    }

    /** In this state about the order line, inventory sends an outcome of this type, keyed by its order. */
    private static V4Pact outcomeForTheOrderLine(
            MessagePactBuilder builder, String state, String description, String type, UUID orderId, String productId) {
        return message(builder, state, description, type, orderId, productId, outcome(orderId, productId));
    }

    /** In this state about the order line, inventory refuses it for this reason, keyed by its order. */
    private static V4Pact refusalOfTheOrderLine(
            MessagePactBuilder builder,
            String state,
            String description,
            UUID orderId,
            String productId,
            RejectionReason reason) {
        return message(
                builder,
                state,
                description,
                StockDecreaseRejected.TYPE,
                orderId,
                productId,
                outcome(orderId, productId).stringValue("reason", reason.name()));
    }

    private static V4Pact message(
            MessagePactBuilder builder,
            String state,
            String description,
            String type,
            UUID orderId,
            String productId,
            PactDslJsonBody content) {
        return builder.given(state, orderLine(orderId, productId))
                .expectsToReceive(description)
                .withMetadata(KafkaPactMessages.expectedMetadata(StockOutcomeTopic.NAME, orderId.toString(), type))
                .withContent(content)
                .toPact(V4Pact.class);
    }

    /** The provider state's parameters: which order line inventory is asked about. */
    private static Map<String, Object> orderLine(UUID orderId, String productId) {
        return Map.of("orderId", orderId.toString(), "productId", productId, "quantity", QUANTITY);
    }

    /** The order and product exactly as asked (the key is the order id), any whole number of units. */
    private static PactDslJsonBody outcome(UUID orderId, String productId) {
        return new PactDslJsonBody()
                .stringValue("orderId", orderId.toString())
                .stringValue("productId", productId)
                .integerType("quantity", QUANTITY);
    }
}
