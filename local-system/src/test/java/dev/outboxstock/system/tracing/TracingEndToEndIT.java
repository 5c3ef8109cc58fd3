package dev.outboxstock.system.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.localstack.testing.TestDatabase;
import dev.outboxstock.system.LocalSystem;
import dev.outboxstock.system.client.InventoryClient;
import dev.outboxstock.system.client.OrderClient;
import dev.outboxstock.system.client.OrderClient.Line;
import dev.outboxstock.system.client.OrderClient.Order;
import dev.outboxstock.system.tracing.OtlpTraceReceiver.ReceivedSpan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace per order, from {@code POST /orders} to the order's final status, across the five processes an order
 * goes through: order-service, the relay of its outbox, inventory-service, the relay of inventory's outbox, and
 * order-service again (and round once more for a compensation). The services run as in a deployment, each its own
 * JVM, exporting to an OTLP receiver inside the test.
 */
class TracingEndToEndIT {

    private static final Logger LOG = Logger.getLogger(TracingEndToEndIT.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static final Step POST = new Step("order-service", "SERVER", "POST /orders");
    private static final Step RELAY_REQUEST = new Step("order-relay", "PRODUCER", "stock-events publish");
    private static final Step APPLY_REQUEST = new Step("inventory-service", "CONSUMER", "stock-events process");
    private static final Step RELAY_OUTCOME = new Step("inventory-relay", "PRODUCER", "stock-outcome-events publish");
    private static final Step APPLY_OUTCOME = new Step("order-service", "CONSUMER", "stock-outcome-events process");

    private static OtlpTraceReceiver receiver;
    private static LocalSystem system;
    private static OrderClient orders;
    private static InventoryClient inventory;

    @BeforeAll
    static void start() throws IOException {
        receiver = OtlpTraceReceiver.start();
        system = LocalSystem.builder()
                .logDir(Path.of("target", "service-logs", "tracing"))
                // Off by default: every trace sampled here, exported at once to the receiver.
                .environment("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1")
                .environment("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.endpoint())
                .environment("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf")
                .environment("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms")
                .start();
        orders = system.customerOrders();
        inventory = system.stockAdminInventory();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aConfirmedOrderIsOneTraceFromThePostToTheConfirmation() {
        inventory.setStock("traced-apple", 5);

        Order order = orders.placeOrder(List.of(new Line("traced-apple", 2)));
        await().atMost(TIMEOUT).until(() -> status(order.id()).equals("CONFIRMED"));

        List<ReceivedSpan> chain =
                awaitChain(order.id(), List.of(POST, RELAY_REQUEST, APPLY_REQUEST, RELAY_OUTCOME, APPLY_OUTCOME));
        LOG.info(() -> describe("Confirmed order " + order.id(), chain));
    }

    @Test
    void aRejectedOrderAndItsCompensationAreOneTrace() {
        inventory.setStock("traced-pear", 5);

        // The pear is taken, the unknown product refused: the order is rejected and the pear given back.
        Order order = orders.placeOrder(List.of(new Line("traced-pear", 1), new Line("traced-unknown", 1)));
        await().atMost(TIMEOUT).until(() -> released(order.id(), "traced-pear"));

        List<ReceivedSpan> chain = awaitChain(
                order.id(),
                List.of(
                        POST,
                        RELAY_REQUEST,
                        APPLY_REQUEST,
                        RELAY_OUTCOME,
                        APPLY_OUTCOME,
                        // The compensation, caused by the outcome that rejected the order, goes round once more.
                        RELAY_REQUEST,
                        APPLY_REQUEST,
                        RELAY_OUTCOME,
                        APPLY_OUTCOME));
        LOG.info(() -> describe("Rejected and compensated order " + order.id(), chain));
    }

    /**
     * Waits until the order's trace holds a parent chain of spans matching {@code steps} from its root, and checks
     * that all the trace's spans form one tree: one root, every other span's parent in the trace.
     */
    private static List<ReceivedSpan> awaitChain(UUID orderId, List<Step> steps) {
        String traceId = traceIdOf(orderId);
        List<List<ReceivedSpan>> found = new ArrayList<>();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            List<ReceivedSpan> trace = receiver.spans().stream()
                    .filter(span -> span.traceId().equals(traceId))
                    .toList();
            List<ReceivedSpan> roots =
                    trace.stream().filter(ReceivedSpan::isRoot).toList();
            assertThat(roots).as("roots of trace %s", traceId).hasSize(1);
            assertThat(trace)
                    .as("spans whose parent is not in the trace")
                    .allMatch(span -> span.isRoot()
                            || trace.stream().anyMatch(parent -> parent.spanId().equals(span.parentSpanId())));
            Optional<List<ReceivedSpan>> chain = chainFrom(roots.get(0), trace, steps);
            assertThat(chain).as("a chain %s in %s", steps, trace).isPresent();
            found.add(chain.get());
        });
        return found.get(found.size() - 1);
    }

    /** A path down the tree from {@code span} whose spans match {@code steps} in order, if there is one. */
    private static Optional<List<ReceivedSpan>> chainFrom(
            ReceivedSpan span, List<ReceivedSpan> trace, List<Step> steps) {
        if (!steps.get(0).matches(span)) {
            return Optional.empty();
        }
        if (steps.size() == 1) {
            return Optional.of(List.of(span));
        }
        for (ReceivedSpan child : trace) {
            if (child.parentSpanId().equals(span.spanId())) {
                Optional<List<ReceivedSpan>> rest = chainFrom(child, trace, steps.subList(1, steps.size()));
                if (rest.isPresent()) {
                    List<ReceivedSpan> chain = new ArrayList<>();
                    chain.add(span);
                    chain.addAll(rest.get());
                    return Optional.of(chain);
                }
            }
        }
        return Optional.empty();
    }

    /** The trace the order's stock requests were written in: their outbox rows keep its context. */
    private static String traceIdOf(UUID orderId) {
        TestDatabase database = new TestDatabase(system.stack(), LocalSystem.ORDERS_DATABASE);
        String traceparent = (String) database.query(
                        "SELECT traceparent FROM outbox_event WHERE payload ->> 'orderId' = ? LIMIT 1",
                        orderId.toString())
                .get(0)
                .get(0);
        return traceparent.split("-")[1];
    }

    private static String status(UUID orderId) {
        return orders.findOrder(orderId).orElseThrow().status();
    }

    private static boolean released(UUID orderId, String productId) {
        Order order = orders.findOrder(orderId).orElseThrow();
        return order.status().equals("REJECTED")
                && order.lines().stream()
                        .anyMatch(line -> line.productId().equals(productId)
                                && line.status().equals("RELEASED"));
    }

    private static String describe(String title, List<ReceivedSpan> chain) {
        StringBuilder text =
                new StringBuilder(title).append(", trace ").append(chain.get(0).traceId());
        chain.forEach(span -> text.append("\n  ").append(span));
        return text.toString();
    }

    /** One span of the expected chain: which process, what kind, what name. */
    private record Step(String service, String kind, String name) {

        boolean matches(ReceivedSpan span) {
            return span.service().equals(service)
                    && span.kind().equals(kind)
                    && span.name().equals(name);
        }
    }
}
