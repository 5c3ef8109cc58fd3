package dev.outboxstock.console.rest;

import static dev.outboxstock.console.rest.OperatorRequests.asOperator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.outboxstock.console.DeadLetterProducer;
import dev.outboxstock.console.OperationsTestResource;
import dev.outboxstock.contract.DeadLetterHeaders;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockLevelTopic;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.testing.HeaderText;
import dev.outboxstock.localstack.testing.TopicReader;
import dev.outboxstock.token.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replay and discard over HTTP, against real PostgreSQL and Kafka: what reaches the topics, and what is recorded. */
@QuarkusTest
@OperationsTestResource
class DeadLetterRedriveTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private DeadLetterProducer deadLetters;

    @BeforeEach
    void producer() {
        deadLetters = new DeadLetterProducer(bootstrapServers);
    }

    @AfterEach
    void close() {
        deadLetters.close();
    }

    @Test
    void aDeadLetterIsIndexedWholeWithWhatItsHeadersSay() {
        UUID eventId = UUID.randomUUID();
        String product = product();
        deadLetters.stockEventDeadLetter(eventId, product, 7, "Stock of " + product + " would exceed 2147483647 units");

        long id = awaitIndexed(product);

        deadLetter(id)
                .statusCode(200)
                .body("topic", equalTo(StockTopic.DEAD_LETTER))
                .body("key", equalTo(product))
                .body("value", equalTo("{\"productId\":\"" + product + "\",\"quantity\":7}"))
                .body("reason", containsString("would exceed"))
                .body("sourceTopic", equalTo(StockTopic.NAME))
                .body("sourcePartition", equalTo(2))
                .body("sourceOffset", equalTo(41))
                .body("eventId", equalTo(eventId.toString()))
                .body("eventType", equalTo("StockReplenished"))
                .body("status", equalTo("PENDING"))
                .body("headers.name", hasItem(DeadLetterHeaders.REASON));
    }

    @Test
    void replayingSendsTheRecordToItsTopicWithItsKeyAndEventIdAndTheHistoryAndMayBeRepeated() {
        UUID eventId = UUID.randomUUID();
        String product = product();
        deadLetters.stockEventDeadLetter(eventId, product, 3, "database said no");
        long id = awaitIndexed(product);

        replay(id).statusCode(200).body("action", equalTo("REPLAY")).body("count", equalTo(1));
        replay(id).statusCode(200).body("count", equalTo(1));

        List<ConsumerRecord<String, String>> replays = stockEventsOf(product, 2);
        assertThat(replays).hasSize(2).allSatisfy(record -> {
            assertThat(record.value()).isEqualTo("{\"productId\":\"" + product + "\",\"quantity\":3}");
            assertThat(header(record, EventHeaders.EVENT_ID)).isEqualTo(eventId.toString());
            assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("StockReplenished");
            assertThat(header(record, DeadLetterHeaders.REDRIVE_HISTORY))
                    .contains("database said no")
                    .contains(StockTopic.DEAD_LETTER);
            assertThat(record.headers().toArray())
                    .extracting(Header::key)
                    .noneMatch(name -> name.startsWith(DeadLetterHeaders.PREFIX));
        });
        deadLetter(id).body("status", equalTo("REPLAYED")).body("replays", equalTo(2));
        asOperator()
                .get("/redrive-actions?size=200")
                .then()
                .statusCode(200)
                .body("findAll { it.selection == 'dead letter " + id + "' }.operator", hasItem("alice"));
    }

    /** The compacted stock-levels topic has a dead-letter topic like the others: indexed, filtered by, replayed to it. */
    @Test
    void aStockLevelsDeadLetterIsIndexedAndReplayedToStockLevels() {
        UUID eventId = UUID.randomUUID();
        String product = product();
        String level = "{\"productId\":\"" + product + "\",\"available\":3}";
        deadLetters.stockLevelDeadLetter(eventId, product, level, "view unreachable");
        long id = awaitIndexed("/dead-letters?key={key}&topic=" + StockLevelTopic.DEAD_LETTER, product);

        deadLetter(id)
                .body("topic", equalTo(StockLevelTopic.DEAD_LETTER))
                .body("sourceTopic", equalTo(StockLevelTopic.NAME));
        replay(id).statusCode(200).body("count", equalTo(1));

        ConsumerRecord<String, String> replayed = TopicReader.readUntil(
                        bootstrapServers,
                        StockLevelTopic.NAME,
                        records -> records.stream().anyMatch(record -> product.equals(record.key())),
                        Duration.ofSeconds(30))
                .stream()
                .filter(record -> product.equals(record.key()))
                .findFirst()
                .orElseThrow();
        assertThat(replayed.value()).isEqualTo(level);
        assertThat(header(replayed, EventHeaders.EVENT_ID)).isEqualTo(eventId.toString());
    }

    @Test
    void aRecordThatFailsAgainComesBackWithItsHistory() {
        String product = product();
        UUID eventId = UUID.randomUUID();
        deadLetters.stockEventDeadLetter(eventId, product, 1, "first failure");
        long id = awaitIndexed(product);
        replay(id).statusCode(200);

        // What the consumer's dead-letter queue would send for the replayed record: its headers plus its own.
        ConsumerRecord<String, String> replayed = stockEventsOf(product, 1).get(0);
        deadLetters.again(replayed, "second failure");

        long again = awaitIndexed("/dead-letters?key={key}&status=PENDING", product);
        deadLetter(again)
                .body("reason", equalTo("second failure"))
                .body("eventId", equalTo(eventId.toString()))
                .body("headers.find { it.name == 'redrive-history' }.value", containsString("first failure"));
    }

    @Test
    void theActionLogNamesTheTokensSubjectNotWhatTheCallerClaims() {
        String product = product();
        deadLetters.stockEventDeadLetter(UUID.randomUUID(), product, 1, "who acts");
        long id = awaitIndexed(product);

        asOperator("carol")
                .header("X-Operator", "mallory")
                .contentType(ContentType.JSON)
                .post("/dead-letters/{id}/discard", id)
                .then()
                .statusCode(200)
                .body("operator", equalTo("carol"));
        asOperator()
                .get("/redrive-actions?size=200")
                .then()
                .body("findAll { it.selection == 'dead letter " + id + "' }.operator", contains("carol"));
    }

    @Test
    void discardingMarksTheDeadLetterAndSendsNothing() {
        String product = product();
        deadLetters.stockEventDeadLetter(UUID.randomUUID(), product, 2, "not wanted");
        long id = awaitIndexed(product);

        asOperator()
                .contentType(ContentType.JSON)
                .post("/dead-letters/{id}/discard", id)
                .then()
                .statusCode(200)
                .body("action", equalTo("DISCARD"))
                .body("count", equalTo(1));

        deadLetter(id).body("status", equalTo("DISCARDED"));
        assertThat(TopicReader.readToEnd(bootstrapServers, StockTopic.NAME))
                .noneMatch(record -> product.equals(record.key()));
    }

    @Test
    void aFilteredSetIsReplayedOrDiscardedAndOnlyPendingOnes() {
        String product = product();
        for (int quantity = 1; quantity <= 3; quantity++) {
            deadLetters.stockEventDeadLetter(UUID.randomUUID(), product, quantity, "batch " + product);
        }
        awaitListed(product, 3);

        asOperator()
                .get("/dead-letters?reason={reason}&eventType=StockReplenished", "BATCH " + product)
                .then()
                .statusCode(200)
                .body("total", equalTo(3));
        asOperator()
                .get("/dead-letters?key={key}&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z", product)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));

        bulk("replay", "{\"key\":\"" + product + "\",\"limit\":2}")
                .statusCode(200)
                .body("count", equalTo(2));
        bulk("discard", "{\"key\":\"" + product + "\"}").statusCode(200).body("count", equalTo(1));
        bulk("discard", "{\"key\":\"" + product + "\"}")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("No dead letter matches"));

        asOperator()
                .get("/dead-letters?key={key}&status=REPLAYED", product)
                .then()
                .body("total", equalTo(2));
        asOperator()
                .get("/dead-letters?key={key}&status=DISCARDED", product)
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void aRelaysDeadLetterIsRoutedByTheSharedRuleOrRefusedWithTheReason() {
        String product = product();
        UUID routable = UUID.randomUUID();
        deadLetters.outboxDeadLetter(
                routable,
                product,
                "{\"id\":\"" + routable + "\",\"aggregatetype\":\"stock\",\"aggregateid\":\"" + product
                        + "\",\"type\":\"StockReplenished\",\"payload\":\"{\\\"productId\\\":\\\"" + product
                        + "\\\",\\\"quantity\\\":4}\"}",
                "REJECTED_BY_KAFKA");
        UUID unroutable = UUID.randomUUID();
        deadLetters.outboxDeadLetter(
                unroutable,
                product + "-x",
                "{\"id\":\"" + unroutable + "\",\"aggregatetype\":\"stock\",\"aggregateid\":\"\",\"type\":\"T\","
                        + "\"payload\":\"{}\"}",
                "MISSING_KEY");
        long routableId = awaitIndexed(product);
        long unroutableId = awaitIndexed(product + "-x");

        deadLetter(routableId)
                .body("sourceTopic", equalTo(StockTopic.NAME))
                .body("eventType", equalTo("StockReplenished"))
                .body("reason", equalTo("REJECTED_BY_KAFKA: as the test says"));
        replay(routableId).statusCode(200);
        ConsumerRecord<String, String> routed = stockEventsOf(product, 1).get(0);
        assertThat(routed.value()).isEqualTo("{\"productId\":\"" + product + "\",\"quantity\":4}");
        assertThat(header(routed, EventHeaders.EVENT_ID)).isEqualTo(routable.toString());
        assertThat(header(routed, EventHeaders.EVENT_TYPE)).isEqualTo("StockReplenished");

        replay(unroutableId)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("aggregateid is empty"));
        deadLetter(unroutableId).body("status", equalTo("PENDING"));
    }

    @Test
    void writesNeedAnOperatorTokenAndChangeNothingWithoutIt() {
        String product = product();
        deadLetters.stockEventDeadLetter(UUID.randomUUID(), product, 1, "token test");
        long id = awaitIndexed(product);

        given().contentType(ContentType.JSON)
                .post("/dead-letters/{id}/replay", id)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.operator() + "x")
                .contentType(ContentType.JSON)
                .post("/dead-letters/{id}/discard", id)
                .then()
                .statusCode(401);
        given().header("Authorization", "Basic " + TestTokens.operator())
                .contentType(ContentType.JSON)
                .body("{\"key\":\"" + product + "\"}")
                .post("/dead-letters/discard")
                .then()
                .statusCode(401);

        deadLetter(id).body("status", equalTo("PENDING"));
    }

    @Test
    void badInputGetsAClearProblemAndChangesNothing() {
        asOperator().get("/dead-letters/999999999").then().statusCode(404).contentType("application/problem+json");
        asOperator().get("/dead-letters/not-a-number").then().statusCode(404);
        replay(999_999_999L).statusCode(404).contentType("application/problem+json");
        asOperator().get("/dead-letters?size=100000").then().statusCode(400).body("violations.field", hasItem("size"));
        asOperator().get("/dead-letters?size=0").then().statusCode(400);
        asOperator().get("/dead-letters?page=-1").then().statusCode(400);
        asOperator().get("/dead-letters?topic=stock-events").then().statusCode(400);
        asOperator().get("/dead-letters?status=LOST").then().statusCode(400);
        asOperator()
                .get("/dead-letters?from=yesterday")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("from must be an instant"));
        asOperator().get("/redrive-actions?size=201").then().statusCode(400);

        bulk("replay", "{}").statusCode(400).body("violations.field", hasItem("narrowed"));
        bulk("replay", "{\"key\":\"k\",\"limit\":5000}").statusCode(400).body("violations.field", hasItem("limit"));
        bulk("discard", "{\"key\":\"k\",\"from\":\"2026-01-02T00:00:00Z\",\"to\":\"2026-01-01T00:00:00Z\"}")
                .statusCode(400);
        bulk("discard", "{\"key\":\"k\",\"colour\":\"red\"}").statusCode(400);
        bulk("discard", "{\"key\":").statusCode(400);
    }

    @Test
    void actionsAreCounted() {
        String product = product();
        deadLetters.stockEventDeadLetter(UUID.randomUUID(), product, 1, "metrics");
        replay(awaitIndexed(product)).statusCode(200);

        asOperator()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("console_redrive_actions_total{action=\"REPLAY\""))
                .body(containsString("console_dead_letters_indexed_total{topic=\"stock-events-dead-letter\""));
    }

    /** The records keyed {@code key} on the stock topic, once there are at least {@code count}. */
    private List<ConsumerRecord<String, String>> stockEventsOf(String key, int count) {
        return TopicReader.readUntil(
                        bootstrapServers,
                        StockTopic.NAME,
                        records -> records.stream()
                                        .filter(record -> key.equals(record.key()))
                                        .count()
                                >= count,
                        Duration.ofSeconds(30))
                .stream()
                .filter(record -> key.equals(record.key()))
                .toList();
    }

    private static ValidatableResponse replay(long id) {
        return asOperator("alice")
                .contentType(ContentType.JSON)
                .post("/dead-letters/{id}/replay", id)
                .then();
    }

    private static ValidatableResponse bulk(String action, String body) {
        return asOperator("alice")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/dead-letters/" + action)
                .then();
    }

    /** The dead letter as the API shows it whole. */
    private static ValidatableResponse deadLetter(long id) {
        return asOperator().get("/dead-letters/{id}", id).then();
    }

    /** Waits until the console has indexed {@code count} dead letters keyed {@code key}. */
    static void awaitListed(String key, int count) {
        awaitListed("/dead-letters?key={key}", key, count);
    }

    /** Waits until {@code list} (a query of {@code key}) has {@code count} dead letters. */
    private static void awaitListed(String list, String key, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> asOperator()
                        .get(list, key)
                        .then()
                        .extract()
                        .path("total")
                        .equals(count));
    }

    private static long awaitIndexed(String key) {
        return awaitIndexed("/dead-letters?key={key}", key);
    }

    /** The id of the dead letter {@code list} (a query of {@code key}) lists, once it lists one. */
    private static long awaitIndexed(String list, String key) {
        awaitListed(list, key, 1);
        return asOperator().get(list, key).then().extract().jsonPath().getLong("items[0].id");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return HeaderText.of(record.headers(), name).orElse(null);
    }

    private static String product() {
        return "redrive-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
