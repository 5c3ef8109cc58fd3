package dev.outboxstock.order.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.MetadataMismatch;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.provider.ProviderVerifier;
import au.com.dius.pact.provider.VerificationFailureType;
import au.com.dius.pact.provider.VerificationResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.RelayedRecord;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockOutcomeTopic;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pact catches the breaking changes a producer can make: order-service's real request to take stock, changed
 * in one way each, fails the verification against inventory-service's committed pact that the unchanged one passes.
 * The verification is Pact's own, as in {@link StockRequestsPactVerificationTest}.
 */
@QuarkusTest
@OrderTestResource
class StockRequestPactBitesTest {

    private static final String DESCRIPTION = "a request to take the stock of an order line";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OrderService orders;

    @Inject
    OrderLifecycle lifecycle;

    @InjectLocalStack
    LocalStack stack;

    private RelayedRecord published;

    @BeforeEach
    void orderPlaced() {
        StockRequestsAsRelayed stockRequests = new StockRequestsAsRelayed(orders, lifecycle, new OrdersDatabase(stack));
        published = stockRequests.relayed(StockDecreaseRequested.TYPE, stockRequests.placeOrder("apple", 2));
    }

    @Test
    void theRecordAsPublishedPasses() {
        assertThat(verify(published)).isInstanceOf(VerificationResult.Ok.class);
    }

    static Stream<Arguments> breakingChanges() {
        return Stream.of(
                Arguments.of(
                        "payload field quantity renamed to amount",
                        change(record ->
                                withValue(record, payload -> payload.set("amount", payload.remove("quantity")))),
                        "body $: Actual map is missing the following keys: quantity"),
                Arguments.of(
                        "payload field orderId not a UUID",
                        change(record -> withValue(record, payload -> payload.put("orderId", "order-17"))),
                        "body $.orderId: "),
                Arguments.of(
                        "header eventType missing",
                        change(record -> withHeaders(record, headers -> headers.remove(EventHeaders.EVENT_TYPE))),
                        "metadata " + EventHeaders.EVENT_TYPE + ": "),
                Arguments.of(
                        "header eventType names another event",
                        change(record -> withHeaders(
                                record, headers -> headers.put(EventHeaders.EVENT_TYPE, StockReleaseRequested.TYPE))),
                        "metadata " + EventHeaders.EVENT_TYPE + ": "),
                Arguments.of(
                        "header id not a UUID",
                        change(record -> withHeaders(record, headers -> headers.put(EventHeaders.EVENT_ID, "17"))),
                        "metadata " + EventHeaders.EVENT_ID + ": "),
                Arguments.of(
                        "key is the order id, not the product id",
                        change(record -> new RelayedRecord(
                                record.topic(),
                                parse(record.value()).get("orderId").asText(),
                                record.value(),
                                record.headers())),
                        "metadata " + KafkaPactMessages.KEY + ": "),
                Arguments.of(
                        "published on another topic",
                        change(record -> new RelayedRecord(
                                StockOutcomeTopic.NAME, record.key(), record.value(), record.headers())),
                        "metadata " + KafkaPactMessages.TOPIC + ": "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakingChanges")
    void aBreakingChangeFailsVerification(String change, UnaryOperator<RelayedRecord> breaking, String failure) {
        VerificationResult result = verify(breaking.apply(published));

        assertThat(result).isInstanceOf(VerificationResult.Failed.class);
        assertThat(failures((VerificationResult.Failed) result))
                .anySatisfy(found -> assertThat(found).startsWith(failure));
    }

    /** Pact's verification of one message against the interaction inventory-service expects. */
    private static VerificationResult verify(RelayedRecord record) {
        V4Interaction.AsynchronousMessage expected = expectedMessage();
        return new ProviderVerifier()
                .verifyMessage(
                        description -> KafkaPactMessages.of(record),
                        expected,
                        expected.getInteractionId() == null ? "" : expected.getInteractionId(),
                        DESCRIPTION,
                        new HashMap<>(),
                        false);
    }

    private static V4Interaction.AsynchronousMessage expectedMessage() {
        List<Interaction> interactions = DefaultPactReader.INSTANCE
                .loadPact(CommittedContracts.committed("pacts", "inventory-service-order-service.json")
                        .toFile())
                .getInteractions();
        return interactions.stream()
                .filter(interaction -> interaction.getDescription().equals(DESCRIPTION))
                .map(interaction -> (V4Interaction.AsynchronousMessage) interaction)
                .findFirst()
                .orElseThrow();
    }

    /** Each failure, saying where it is: {@code metadata <entry>: ...} or {@code body <JSON path>: ...}. */
    private static List<String> failures(VerificationResult.Failed failed) {
        return failed.getFailures().values().stream()
                .flatMap(List::stream)
                .map(StockRequestPactBitesTest::where)
                .toList();
    }

    private static String where(VerificationFailureType failure) {
        if (failure instanceof VerificationFailureType.MismatchFailure mismatch) {
            if (mismatch.getMismatch() instanceof MetadataMismatch metadata) {
                return "metadata " + metadata.getKey() + ": " + metadata.getMismatch();
            }
            if (mismatch.getMismatch() instanceof BodyMismatch body) {
                return "body " + body.getPath() + ": " + body.getMismatch();
            }
        }
        return failure.description();
    }

    private static UnaryOperator<RelayedRecord> change(UnaryOperator<RelayedRecord> change) {
        return change;
    }

    private static RelayedRecord withValue(RelayedRecord record, Consumer<ObjectNode> change) {
        ObjectNode payload = parse(record.value());
        change.accept(payload);
        return new RelayedRecord(record.topic(), record.key(), payload.toString(), record.headers());
    }

    private static RelayedRecord withHeaders(RelayedRecord record, Consumer<Map<String, String>> change) {
        Map<String, String> headers = new HashMap<>(record.headers());
        change.accept(headers);
        return new RelayedRecord(record.topic(), record.key(), record.value(), headers);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
