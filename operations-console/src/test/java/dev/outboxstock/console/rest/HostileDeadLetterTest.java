package dev.outboxstock.console.rest;

import static dev.outboxstock.console.rest.OperatorRequests.asOperator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.outboxstock.console.DeadLetterProducer;
import dev.outboxstock.console.OperationsTestResource;
import dev.outboxstock.contract.DeadLetterHeaders;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.localstack.testing.ServiceEndpoints;
import dev.outboxstock.localstack.testing.TestDatabase;
import dev.outboxstock.localstack.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dead letters the index once refused (an overlong event id, a header that is not text) and failures of the index
 * itself: none stops indexing of the records after it, none is lost, and a stall is seen. Real PostgreSQL and Kafka;
 * the database's refusals are its own (a trigger raising the error a real refusal raises).
 */
@QuarkusTest
@OperationsTestResource
class HostileDeadLetterTest {

    /** Not a UUID, and longer than the event id column: what inventory rightly dead-letters as "not a UUID". */
    private static final String OVERLONG_ID = "x".repeat(70);

    /** A NUL, and a byte that is no UTF-8: no text column takes it. */
    private static final byte[] NOT_TEXT = {'a', 0, (byte) 0xFF, 'b'};

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectLocalStack
    LocalStack stack;

    private DeadLetterProducer deadLetters;
    private TestDatabase database;

    @BeforeEach
    void producer() {
        deadLetters = new DeadLetterProducer(bootstrapServers);
        database = new TestDatabase(stack, "operations");
    }

    @AfterEach
    void close() {
        deadLetters.close();
        database.execute("DROP TRIGGER IF EXISTS refuse ON dead_letter");
    }

    @Test
    void aDeadLetterWithAnOverlongIdAndAHeaderThatIsNotTextIsIndexedAndTheNextToo() {
        String hostile = key("hostile");
        String ordinary = key("ordinary");
        deadLetters.send(hostileRecord(hostile));
        deadLetters.stockEventDeadLetter(UUID.randomUUID(), ordinary, 1, "an ordinary one");

        long id = awaitIndexed(ordinary, Duration.ofSeconds(10));
        assertThat(id).isPositive();
        JsonPath shown = asOperator()
                .get("/dead-letters/{id}", awaitIndexed(hostile, Duration.ofSeconds(10)))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(shown.getString("eventId"))
                .hasSize(64)
                .startsWith("x".repeat(63))
                .endsWith("…");
        assertThat(shown.getString("headers.find { it.name == 'x-binary' }.value"))
                .isEqualTo("a\\x00\\xFFb");
        assertThat(shown.getBoolean("headers.find { it.name == 'x-binary' }.escaped"))
                .isTrue();
        assertThat(shown.getString("headers.find { it.name == 'id' }.value")).isEqualTo(OVERLONG_ID);
    }

    @Test
    void replayingADeadLetterWhoseHeadersAreNotTextSendsTheirOriginalBytes() {
        String hostile = key("replayed");
        deadLetters.send(hostileRecord(hostile));
        long id = awaitIndexed(hostile, Duration.ofSeconds(30));

        asOperator()
                .contentType(ContentType.JSON)
                .post("/dead-letters/{id}/replay", id)
                .then()
                .statusCode(200);

        ConsumerRecord<String, String> replayed = TopicReader.readUntil(
                        bootstrapServers,
                        StockTopic.NAME,
                        records -> records.stream().anyMatch(record -> hostile.equals(record.key())),
                        Duration.ofSeconds(30))
                .stream()
                .filter(record -> hostile.equals(record.key()))
                .findFirst()
                .orElseThrow();
        assertThat(replayed.headers().lastHeader("x-binary").value()).isEqualTo(NOT_TEXT);
        assertThat(replayed.headers().lastHeader(EventHeaders.EVENT_ID).value())
                .isEqualTo(OVERLONG_ID.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRecordTheDatabaseRefusesForGoodIsSetAsideAndCountedAndTheNextIsIndexed() {
        refuse("poison-%", "22000"); // data_exception: the same record fails the same way every time
        double setAsideBefore = setAsideCount();
        String poison = key("poison");
        String ordinary = key("after-poison");
        deadLetters.send(hostileRecord(poison));
        deadLetters.stockEventDeadLetter(UUID.randomUUID(), ordinary, 1, "after a poison one");

        awaitIndexed(ordinary, Duration.ofSeconds(30));

        assertThat(setAsideCount()).isEqualTo(setAsideBefore + 1);
        List<List<Object>> kept = database.query(
                "SELECT raw_key, failure FROM dead_letter_set_aside WHERE raw_key = ?",
                poison.getBytes(StandardCharsets.UTF_8));
        assertThat(kept).hasSize(1);
        assertThat((String) kept.get(0).get(1)).contains("refused on purpose");
        assertThat(listed(poison)).isZero();
    }

    @Test
    void whileTheIndexCannotTakeARecordItWaitsVisiblyAndThenIndexesIt() {
        refuse("blocked-%", "57P03"); // cannot_connect_now: a database that may take it later
        String blocked = key("blocked");
        deadLetters.send(hostileRecord(blocked));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/q/health/well").then().statusCode(503);
            assertThat(ServiceEndpoints.sum(metrics(), "console_dead_letters_indexing_stalled_seconds"))
                    .isGreaterThan(0);
        });
        given().get("/q/health/well")
                .then()
                .body("checks.find { it.name == 'dead-letter-indexing' }.status", equalTo("DOWN"));
        assertThat(listed(blocked)).isZero();

        database.execute("DROP TRIGGER refuse ON dead_letter");

        awaitIndexed(blocked, Duration.ofSeconds(30));
        given().get("/q/health/well").then().statusCode(200);
        assertThat(ServiceEndpoints.sum(metrics(), "console_dead_letters_indexing_stalled_seconds"))
                .isZero();
    }

    /** A consumer's dead letter of the stock topic with a 70-character event id and a header that is not text. */
    private static ProducerRecord<String, String> hostileRecord(String key) {
        ProducerRecord<String, String> record = new ProducerRecord<>(StockTopic.DEAD_LETTER, key, "{\"productId\":1}");
        record.headers().add(EventHeaders.EVENT_ID, OVERLONG_ID.getBytes(StandardCharsets.UTF_8));
        record.headers().add("x-binary", NOT_TEXT);
        record.headers().add(DeadLetterHeaders.REASON, utf8("the event id is not a UUID"));
        record.headers().add(DeadLetterHeaders.TOPIC, utf8(StockTopic.NAME));
        return record;
    }

    /** Makes the database refuse to index a record keyed like {@code pattern}, with the SQLState {@code state}. */
    private void refuse(String pattern, String state) {
        database.execute("CREATE OR REPLACE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.record_key LIKE '" + pattern + "' THEN"
                + " RAISE EXCEPTION 'refused on purpose' USING ERRCODE = '" + state + "'; END IF;"
                + " RETURN NEW; END $$");
        database.execute("CREATE TRIGGER refuse BEFORE INSERT ON dead_letter FOR EACH ROW EXECUTE FUNCTION refuse()");
    }

    private static double setAsideCount() {
        return ServiceEndpoints.sum(metrics(), "console_dead_letters_set_aside_total");
    }

    private static String metrics() {
        return asOperator().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static int listed(String key) {
        return asOperator().get("/dead-letters?key={key}", key).then().extract().path("total");
    }

    private static long awaitIndexed(String key, Duration within) {
        await().atMost(within).until(() -> listed(key) == 1);
        return asOperator()
                .get("/dead-letters?key={key}", key)
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");
    }

    private static String key(String kind) {
        return kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
