package dev.outboxstock.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.contract.DeadLetterHeaders;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.localstack.testing.AcknowledgedSend;
import dev.outboxstock.localstack.testing.ServiceEndpoints;
import dev.outboxstock.system.LocalSystem;
import dev.outboxstock.system.client.InventoryClient;
import dev.outboxstock.token.Role;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operations console under steady order load, fed a dead letter it once could not index (an {@code id} header of
 * 70 characters, a NUL byte in a header: what inventory rightly dead-letters as "not a UUID") and then an ordinary
 * one: it shows the second within seconds, and the first either indexed with its bytes intact or set aside and
 * counted, never blocking what comes after it.
 */
class ConsoleDeadLetterIT {

    private static final int ORDERS_PER_SECOND = 12;
    private static final Duration SHOWN_WITHIN = Duration.ofSeconds(15);
    private static final String SET_ASIDE = "console_dead_letters_set_aside_total";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalSystem system;
    private static ServiceProcess console;
    private static String operator;

    @BeforeAll
    static void startSystem() throws Exception {
        system = ReliabilitySystem.get();
        console = system.operationsConsole().orElseThrow();
        operator = system.token(Role.OPERATOR, "reliability-operator");
        // The first query of a console just started warms it up (on a busy machine, seconds): not what is measured.
        listed("warm-up");
    }

    @Test
    void aHostileDeadLetterNeverHidesTheNextOne() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        InventoryClient inventory = system.stockAdminInventory();
        List<String> products =
                IntStream.range(0, 3).mapToObj(i -> "console-" + run + "-" + i).toList();
        products.forEach(product -> inventory.setStock(product, 1_000));
        String overlongId = "n".repeat(70);
        byte[] withNul = {'b', 'e', 'f', 'o', 'r', 'e', 0, 'a', 'f', 't', 'e', 'r'};
        String hostileKey = "hostile-" + run;
        String ordinaryKey = "ordinary-" + run;
        double setAsideBefore = setAside();

        OrderLoad load = OrderLoad.start(system.customerOrders(), products, ORDERS_PER_SECOND);
        try (KafkaProducer<byte[], byte[]> producer = AcknowledgedSend.bytesProducer(
                system.stack().kafka().orElseThrow().bootstrapServers())) {
            Thread.sleep(2_000);
            ProducerRecord<byte[], byte[]> hostile = deadLetter(hostileKey, "the event id is not a UUID");
            hostile.headers().add(EventHeaders.EVENT_ID, utf8(overlongId));
            hostile.headers().add("trace-note", withNul);
            AcknowledgedSend.send(producer, hostile);
            ProducerRecord<byte[], byte[]> ordinary = deadLetter(ordinaryKey, "an ordinary dead letter");
            ordinary.headers().add(EventHeaders.EVENT_ID, utf8(UUID.randomUUID().toString()));
            AcknowledgedSend.send(producer, ordinary);
            long sent = System.nanoTime();

            await().atMost(SHOWN_WITHIN)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> listed(ordinaryKey).isPresent());
            System.out.printf(
                    "The ordinary dead letter after the hostile one was shown %d ms after it was sent%n",
                    Duration.ofNanos(System.nanoTime() - sent).toMillis());

            Optional<JsonNode> first = listed(hostileKey);
            if (first.isPresent()) {
                JsonNode whole = get("/dead-letters/" + first.get().path("id").asLong());
                assertThat(header(whole, EventHeaders.EVENT_ID).path("value").asText())
                        .as("the 70-character id, shown whole in the headers")
                        .isEqualTo(overlongId);
                assertThat(whole.path("eventId").asText())
                        .as("the event id column, cut")
                        .hasSize(64);
                JsonNode note = header(whole, "trace-note");
                assertThat(note.path("value").asText())
                        .as("the NUL, shown escaped")
                        .isEqualTo("before\\x00after");
                assertThat(note.path("escaped").asBoolean()).isTrue();
            } else {
                assertThat(setAside())
                        .as("the hostile dead letter, set aside and counted")
                        .isEqualTo(setAsideBefore + 1);
            }
        } finally {
            OrderLoad.Result result = load.stop();
            assertThat(result.accepted())
                    .as("orders accepted while the dead letters were indexed")
                    .isNotEmpty();
        }
    }

    /** A consumer's dead letter of the stock topic, as its dead-letter queue writes it. */
    private static ProducerRecord<byte[], byte[]> deadLetter(String key, String reason) {
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(StockTopic.DEAD_LETTER, utf8(key), utf8("{\"productId\":\"" + key + "\"}"));
        record.headers().add(DeadLetterHeaders.REASON, utf8(reason));
        record.headers().add(DeadLetterHeaders.TOPIC, utf8(StockTopic.NAME));
        return record;
    }

    /** The dead letter keyed {@code key} as the console's list shows it, once it does. */
    private static Optional<JsonNode> listed(String key) throws IOException, InterruptedException {
        JsonNode page = get("/dead-letters?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        // The list and its total are two queries: a record indexed between them is counted but not yet listed.
        JsonNode item = page.path("items").path(0);
        return page.path("total").asInt() == 1 && item.isObject() ? Optional.of(item) : Optional.empty();
    }

    private static JsonNode header(JsonNode deadLetter, String name) {
        for (JsonNode header : deadLetter.path("headers")) {
            if (header.path("name").asText().equals(name)) {
                return header;
            }
        }
        throw new AssertionError("no header " + name + " in " + deadLetter);
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(text(path));
    }

    /** The console's answer to an operator's GET of {@code path}. */
    private static String text(String path) throws IOException, InterruptedException {
        URI uri = console.baseUri().resolve(path);
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + operator)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
        return response.body();
    }

    private static double setAside() throws IOException, InterruptedException {
        return ServiceEndpoints.sum(text(ServiceEndpoints.METRICS), SET_ASIDE);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
