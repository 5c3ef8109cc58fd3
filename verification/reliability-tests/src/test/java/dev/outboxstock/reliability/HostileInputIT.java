package dev.outboxstock.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.contract.StockReplenished;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.AcknowledgedSend;
import dev.outboxstock.localstack.testing.HeaderText;
import dev.outboxstock.localstack.testing.KeyPartition;
import dev.outboxstock.localstack.testing.TestDatabase;
import dev.outboxstock.localstack.testing.TopicReader;
import dev.outboxstock.system.LocalSystem;
import dev.outboxstock.system.client.InventoryClient;
import dev.outboxstock.system.client.OrderClient;
import dev.outboxstock.system.client.UnexpectedResponseException;
import dev.outboxstock.token.HostileTokens;
import dev.outboxstock.token.HostileTokens.HostileToken;
import dev.outboxstock.token.Role;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input at every door: generated HTTP bodies and headers against every endpoint (only 4xx, never a 5xx,
 * nothing written) and raw garbage on the topics (dead-lettered, and every partition keeps flowing).
 */
class HostileInputIT {

    private static final int REQUESTS = 400;
    /** The larger of the services' body limits (order-service's). */
    private static final long MAX_ACCEPTED_BODY = 64 * 1024;

    private static final int GARBAGE_RECORDS_PER_TOPIC = 120;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static LocalSystem system;
    private static TestDatabase orders;
    private static TestDatabase inventory;
    private static Map<Role, String> tokens;

    private HttpClient http = newHttpClient();

    @BeforeAll
    static void startSystem() {
        system = ReliabilitySystem.get();
        orders = new TestDatabase(system.stack(), LocalSystem.ORDERS_DATABASE);
        inventory = new TestDatabase(system.stack(), LocalSystem.INVENTORY_DATABASE);
        tokens = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            tokens.put(role, system.token(role, "hostile-" + role.group()));
        }
    }

    @Test
    void everyHostileRequestIsAnsweredWithA4xxAndChangesNothing() throws Exception {
        HostileHttpInput hostile = new HostileHttpInput(42);
        Random random = new Random(42);
        String rowsBefore = rowCounts();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        int unsendable = 0;
        int cutOff = 0;

        for (int i = 0; i < REQUESTS; i++) {
            HttpRequest request;
            try {
                request = hostileRequest(hostile, random.nextInt(7));
            } catch (IllegalArgumentException notEvenSendable) {
                unsendable++;
                continue;
            }
            int status;
            try {
                status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException closedEarly) {
                // A server may refuse an oversized body and close the connection before the client finished
                // writing it; the client then sees no answer. That is a refusal, but only for such a body.
                long bodySize = request.bodyPublisher()
                        .map(HttpRequest.BodyPublisher::contentLength)
                        .orElse(0L);
                assertThat(bodySize)
                        .as("%s %s closed without an answer: %s", request.method(), request.uri(), closedEarly)
                        .isGreaterThan(MAX_ACCEPTED_BODY);
                cutOff++;
                continue;
            }
            statuses.merge(status, 1, Integer::sum);
            if (status == 414) {
                // The HTTP server refuses an over-long request line with a bare HTTP/1.0 414 and closes the
                // connection; the JDK client may still pool it and lose the next POST on it. A fresh client.
                http = newHttpClient();
            }
            boolean writes = !request.method().equals("GET");
            if (status >= 500 || (writes && (status < 400 || status > 499))) {
                serverErrors.add(request.method() + " " + request.uri() + " -> " + status);
            }
        }

        System.out.printf(
                "Hostile HTTP requests by status: %s; %d oversized ones cut off; %d not sendable by any client%n",
                statuses, cutOff, unsendable);
        assertThat(serverErrors)
                .as("answers other than 4xx to hostile writes, or 5xx")
                .isEmpty();
        assertThat(rowCounts()).as("rows in the tables a request could write").isEqualTo(rowsBefore);
    }

    @Test
    void hostileTokensAre401AValidTokenWithoutTheRoleIs403AndNothingChanges() throws Exception {
        String rowsBefore = rowCounts();
        URI placeOrder = system.orderService().baseUri().resolve("/orders");
        URI setStock = system.inventoryService().baseUri().resolve("/products/hostile-token/stock");
        String order = "{\"lines\":[{\"productId\":\"hostile-token\",\"quantity\":1}]}";
        String stock = "{\"available\":5}";
        Map<String, String> answers = new TreeMap<>();

        for (HostileToken token : HostileTokens.against(system.tokens(), Role.CUSTOMER)) {
            answers.put("POST /orders, " + token, refusal(placeOrder, "POST", order, token.authorization(), 401));
        }
        for (HostileToken token : HostileTokens.against(system.tokens(), Role.STOCK_ADMIN)) {
            answers.put("PUT stock, " + token, refusal(setStock, "PUT", stock, token.authorization(), 401));
        }
        answers.put(
                "POST /orders, stock-admin",
                refusal(placeOrder, "POST", order, Optional.of("Bearer " + tokens.get(Role.STOCK_ADMIN)), 403));
        answers.put(
                "PUT stock, customer",
                refusal(setStock, "PUT", stock, Optional.of("Bearer " + tokens.get(Role.CUSTOMER)), 403));
        answers.put(
                "PUT stock, operator",
                refusal(setStock, "PUT", stock, Optional.of("Bearer " + tokens.get(Role.OPERATOR)), 403));

        answers.forEach((call, answer) -> System.out.printf("%-50s %s%n", call, answer));
        assertThat(rowCounts()).as("rows in the tables a request could write").isEqualTo(rowsBefore);
    }

    /** Sends one write and checks it is refused with {@code status}; returns the status and the challenge. */
    private String refusal(URI uri, String method, String body, Optional<String> authorization, int status)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertThat(response.statusCode())
                .as("%s %s with %s", method, uri, authorization)
                .isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        if (status == 401) {
            assertThat(challenge).as("the challenge of a 401").startsWith("Bearer");
        }
        return response.statusCode() + " " + challenge;
    }

    @Test
    void oneCustomerCannotSeeCancelOrReplayByKeyAnothersOrder() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        URI orders = system.orderService().baseUri();
        OrderClient alice = new OrderClient(orders, system.token(Role.CUSTOMER, "alice-" + run));
        OrderClient mallory = new OrderClient(orders, system.token(Role.CUSTOMER, "mallory-" + run));
        String product = "owned-" + run;
        new InventoryClient(system.inventoryService().baseUri(), tokens.get(Role.STOCK_ADMIN)).setStock(product, 10);
        String key = "checkout-" + run;
        List<OrderClient.Line> lines = List.of(new OrderClient.Line(product, 1));
        OrderClient.Order order = alice.placeOrder(key, lines);

        assertThat(mallory.findOrder(order.id())).as("another customer's order").isEmpty();
        assertThatThrownBy(() -> mallory.cancel(order.id()))
                .isInstanceOfSatisfying(
                        UnexpectedResponseException.class,
                        refused -> assertThat(refused.status()).isEqualTo(404));
        assertThat(mallory.placeOrder(key, lines).id())
                .as("the same Idempotency-Key of another customer places that customer's own order")
                .isNotEqualTo(order.id());
        assertThat(alice.findOrder(order.id()))
                .hasValueSatisfying(mine -> assertThat(mine.status()).isNotEqualTo("CANCELLED"));
    }

    @Test
    void garbageRecordsAreDeadLetteredAndEveryPartitionKeepsFlowing() {
        String run = UUID.randomUUID().toString();
        LocalStack stack = system.stack();
        try (KafkaProducer<byte[], byte[]> producer =
                AcknowledgedSend.bytesProducer(stack.kafka().orElseThrow().bootstrapServers())) {
            Random random = new Random(7);
            for (String topic : List.of(StockTopic.NAME, StockOutcomeTopic.NAME)) {
                for (int i = 0; i < GARBAGE_RECORDS_PER_TOPIC; i++) {
                    producer.send(garbage(topic, i % LocalStack.DEFAULT_PARTITIONS, run, random));
                }
            }
            for (int partition = 0; partition < LocalStack.DEFAULT_PARTITIONS; partition++) {
                producer.send(replenishment(run, partition));
            }
        }

        await().atMost(TIMEOUT).untilAsserted(() -> {
            for (int partition = 0; partition < LocalStack.DEFAULT_PARTITIONS; partition++) {
                assertThat(inventory.query("SELECT available FROM product WHERE id = ?", product(run, partition)))
                        .as("a valid record after the garbage in stock partition %d", partition)
                        .containsExactly(List.of(partition + 1));
            }
        });
        assertEveryOutcomePartitionFlows();
        for (String deadLetters : List.of(StockTopic.DEAD_LETTER, StockOutcomeTopic.DEAD_LETTER)) {
            TopicReader.readUntil(
                    stack.kafka().orElseThrow().bootstrapServers(),
                    deadLetters,
                    read -> read.stream()
                                    .filter(record -> HeaderText.of(record.headers(), "fuzz-run")
                                            .equals(Optional.of(run)))
                                    .count()
                            == GARBAGE_RECORDS_PER_TOPIC,
                    TIMEOUT);
        }
    }

    /** Orders whose ids cover every partition of the outcome topic all settle: none of its partitions is stuck. */
    private void assertEveryOutcomePartitionFlows() {
        InventoryClient stock = system.stockAdminInventory();
        OrderClient client = system.customerOrders();
        String product = "fuzz-flow-" + UUID.randomUUID();
        stock.setStock(product, 1_000);
        Set<Integer> partitions = new HashSet<>();
        List<OrderClient.Order> placed = new ArrayList<>();
        while (partitions.size() < LocalStack.DEFAULT_PARTITIONS) {
            OrderClient.Order order = client.placeOrder(List.of(new OrderClient.Line(product, 1)));
            placed.add(order);
            partitions.add(KeyPartition.of(order.id().toString(), LocalStack.DEFAULT_PARTITIONS));
        }
        await().atMost(TIMEOUT)
                .until(() -> placed.stream()
                        .allMatch(order -> client.findOrder(order.id())
                                .orElseThrow()
                                .status()
                                .equals("CONFIRMED")));
    }

    private static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private HttpRequest hostileRequest(HostileHttpInput hostile, int endpoint) {
        URI orders = system.orderService().baseUri();
        URI inventory = system.inventoryService().baseUri();
        HttpRequest.Builder request = switch (endpoint) {
            case 0 ->
                HttpRequest.newBuilder(orders.resolve("/orders"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(hostile.orderBody()));
            case 1 ->
                HttpRequest.newBuilder(orders.resolve("/orders/" + encoded(hostile.id()) + "/cancel"))
                        .POST(HttpRequest.BodyPublishers.noBody());
            case 2 -> HttpRequest.newBuilder(orders.resolve("/orders/" + encoded(hostile.id())));
            case 3 ->
                HttpRequest.newBuilder(orders.resolve("/orders?status=" + encoded(hostile.queryValue()) + "&page="
                        + encoded(hostile.queryValue()) + "&size=" + encoded(hostile.queryValue())));
            case 4 -> HttpRequest.newBuilder(inventory.resolve("/products/" + encoded(hostile.id())));
            case 5 ->
                HttpRequest.newBuilder(inventory.resolve(
                        "/products?page=" + encoded(hostile.queryValue()) + "&size=" + encoded(hostile.queryValue())));
            default ->
                HttpRequest.newBuilder(inventory.resolve("/products/" + encoded(hostile.id()) + "/stock"))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(hostile.stockBody()));
        };
        // A valid token of the role the endpoint allows: the hostile part is the rest of the request.
        Role role = switch (endpoint) {
            case 3 -> Role.OPERATOR;
            case 6 -> Role.STOCK_ADMIN;
            default -> Role.CUSTOMER;
        };
        request.timeout(Duration.ofSeconds(30))
                .header("Content-Type", hostile.contentType())
                .header("Authorization", "Bearer " + tokens.get(role));
        hostile.headers().forEach(request::header);
        return request.build();
    }

    private static ProducerRecord<byte[], byte[]> garbage(String topic, int partition, String run, Random random) {
        byte[] key = random.nextBoolean() ? null : randomBytes(random, random.nextInt(40));
        byte[] value = switch (random.nextInt(4)) {
            case 0 -> randomBytes(random, random.nextInt(300));
            case 1 ->
                "{\"orderId\":\"not-a-uuid\",\"productId\":\"\",\"quantity\":-5}".getBytes(StandardCharsets.UTF_8);
            case 2 -> null;
            default -> "[".repeat(5_000).getBytes(StandardCharsets.UTF_8);
        };
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, key, value);
        if (random.nextBoolean()) {
            record.headers().add(EventHeaders.EVENT_ID, randomBytes(random, 36));
        }
        if (random.nextBoolean()) {
            record.headers().add(EventHeaders.EVENT_TYPE, utf8(StockReplenished.TYPE));
        }
        record.headers().add("fuzz-run", utf8(run));
        return record;
    }

    private static ProducerRecord<byte[], byte[]> replenishment(String run, int partition) {
        String product = product(run, partition);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                StockTopic.NAME,
                partition,
                utf8(product),
                utf8("{\"productId\":\"" + product + "\",\"quantity\":" + (partition + 1) + "}"));
        record.headers().add(EventHeaders.EVENT_ID, utf8(UUID.randomUUID().toString()));
        record.headers().add(EventHeaders.EVENT_TYPE, utf8(StockReplenished.TYPE));
        return record;
    }

    private static String product(String run, int partition) {
        return "fuzz-" + run + "-p" + partition;
    }

    private static String rowCounts() {
        return orders.query("SELECT (SELECT count(*) FROM customer_order), (SELECT count(*) FROM order_line),"
                                + " (SELECT count(*) FROM idempotency_key)")
                        .get(0)
                + " "
                + inventory
                        .query("SELECT (SELECT count(*) FROM product), (SELECT count(*) FROM stock_movement)")
                        .get(0);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
