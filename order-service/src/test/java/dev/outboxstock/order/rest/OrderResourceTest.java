package dev.outboxstock.order.rest;

import static dev.outboxstock.order.CustomerOrders.body;
import static dev.outboxstock.order.CustomerOrders.line;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.contract.testing.OpenApiLint;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.DecodingSlot;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.order.CustomerOrders;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.OrdersDatabase;
import dev.outboxstock.order.StockOutcomeProducer;
import dev.outboxstock.problem.Problem;
import dev.outboxstock.problem.Roles;
import dev.outboxstock.token.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@OrderTestResource
class OrderResourceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @InjectLocalStack
    LocalStack stack;

    private OrdersDatabase database;

    @BeforeEach
    void connect() {
        database = new OrdersDatabase(stack);
    }

    @Test
    void placesAPendingOrderWithOneStockRequestPerLineInTheSameTransaction() {
        String order = given().auth()
                .oauth2(TestTokens.customer())
                .contentType(ContentType.JSON)
                .header("traceparent", TRACEPARENT)
                .body(body(line("apple", 2), line("pear", 5)))
                .when()
                .post("/orders")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/orders/[0-9a-f-]{36}"))
                .body("status", equalTo("PENDING"))
                .body("lines.status", everyItem(equalTo("PENDING")))
                .extract()
                .path("id");

        List<List<Object>> outbox = database.query(
                "SELECT aggregatetype, aggregateid, type, payload ->> 'quantity' FROM outbox_event"
                        + " WHERE payload ->> 'orderId' = ? ORDER BY aggregateid",
                order);
        assertThat(outbox)
                .containsExactly(
                        List.of(StockTopic.AGGREGATE_TYPE, "apple", StockDecreaseRequested.TYPE, "2"),
                        List.of(StockTopic.AGGREGATE_TYPE, "pear", StockDecreaseRequested.TYPE, "5"));
        // The rows carry the context of the POST's server span: the caller's trace, the caller's span its parent.
        List<List<Object>> traceparents =
                database.query("SELECT DISTINCT traceparent FROM outbox_event WHERE payload ->> 'orderId' = ?", order);
        assertThat(traceparents).hasSize(1);
        assertThat((String) traceparents.get(0).get(0))
                .matches("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01")
                .isNotEqualTo(TRACEPARENT);
        CustomerOrders.read(order)
                .statusCode(200)
                .body("id", equalTo(order))
                .body("lines[0].productId", equalTo("apple"))
                .body("lines[1].quantity", equalTo(5));
    }

    @Test
    void answersAnUnknownOrderWithNotFoundProblem() {
        CustomerOrders.read(UUID.randomUUID())
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));
        CustomerOrders.cancel(UUID.randomUUID()).statusCode(404);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyGetsTheSameOrder() {
        String key = "retry-" + UUID.randomUUID();
        String first = placeWithKey(key, body(line("plum", 1)));

        String second = place(key, body(line("plum", 1)))
                .statusCode(201)
                .header(OrderResource.IDEMPOTENT_REPLAYED, "true")
                .extract()
                .path("id");

        assertThat(second).isEqualTo(first);
        assertThat(database.number("SELECT count(*) FROM outbox_event WHERE payload ->> 'orderId' = ?", first))
                .isEqualTo(1);
        place(key, body(line("plum", 2))).statusCode(422).contentType(Problem.MEDIA_TYPE);
    }

    /**
     * The racers are made to overlap: the test holds a lock on the key table, so every racer's claim of the key waits
     * in its open transaction, and lets go only once all of them wait. They then claim the one key together: one
     * places the order, the others wait for its commit and answer with its order.
     */
    @Test
    void racingRequestsWithOneIdempotencyKeyPlaceOneOrder() throws Exception {
        int racers = 8;
        String key = "race-" + UUID.randomUUID();
        String product = "fig-" + UUID.randomUUID();
        ExecutorService clients = Executors.newFixedThreadPool(racers);
        try (Connection holder = stack.postgres().orElseThrow().connect(OrdersDatabase.NAME)) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE idempotency_key IN SHARE MODE");
            }
            List<CompletableFuture<ExtractableResponse<Response>>> answers = IntStream.range(0, racers)
                    .mapToObj(racer -> CompletableFuture.supplyAsync(
                            () -> place(key, body(line(product, 3))).extract(), clients))
                    .toList();
            await().atMost(TIMEOUT).until(() -> waitingForTheKeyTable() == racers);
            assertThat(answers).as("all in flight at once").noneMatch(CompletableFuture::isDone);
            holder.commit();

            List<ExtractableResponse<Response>> placed =
                    answers.stream().map(CompletableFuture::join).toList();

            assertThat(placed)
                    .allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(201));
            assertThat(placed.stream().map(answer -> answer.<String>path("id")).distinct())
                    .hasSize(1);
            assertThat(placed.stream()
                            .map(answer -> "true".equals(answer.header(OrderResource.IDEMPOTENT_REPLAYED)))
                            .toList())
                    .as("replayed: one placed the order, the others were given it")
                    .hasSize(racers)
                    .containsOnlyOnce(false);
            assertThat(database.number("SELECT count(*) FROM order_line WHERE product_id = ?", product))
                    .as("one order placed")
                    .isOne();
            assertThat(database.number("SELECT count(*) FROM outbox_event WHERE aggregateid = ?", product))
                    .as("its one stock request")
                    .isOne();
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void anotherCustomersOrderDoesNotExistForYouButAnOperatorSeesIt() {
        String order = CustomerOrders.place(body(line("quince", 1)));
        String mallory = TestTokens.customer("mallory-" + UUID.randomUUID());

        CustomerOrders.readAs(mallory, order).statusCode(404).contentType(Problem.MEDIA_TYPE);
        CustomerOrders.cancelAs(mallory, order).statusCode(404);
        CustomerOrders.read(order).statusCode(200).body("status", equalTo("PENDING"));
        CustomerOrders.readAs(TestTokens.operator(), order).statusCode(200);
        assertThat(database.number(
                        "SELECT count(*) FROM customer_order WHERE id = ?::uuid AND owner = ?",
                        order,
                        TestTokens.CUSTOMER))
                .isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyIsItsCustomersOwn() {
        String key = "shared-" + UUID.randomUUID();
        String mine = placeWithKey(key, body(line("lime", 1)));

        String theirs = given().auth()
                .oauth2(TestTokens.customer("other-" + UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .header(OrderResource.IDEMPOTENCY_KEY, key)
                .body(body(line("lime", 2)))
                .post("/orders")
                .then()
                .statusCode(201)
                .header(OrderResource.IDEMPOTENT_REPLAYED, nullValue())
                .extract()
                .path("id");

        assertThat(theirs).isNotEqualTo(mine);
    }

    /**
     * Cancelling again changes nothing: the order stays cancelled as it was, and what its lines took is asked back
     * once. A second request would have the first's id, so the outbox's key keeps one row either way: its writes in
     * the write-ahead log, which the relay reads, are counted. The first line took its stock, the second has no
     * answer yet (it is given back when inventory reports it).
     */
    @Test
    void cancelsAPendingOrderOnce() throws Exception {
        UUID order = CustomerOrders.placeOneOfEach("kiwi", "lime");
        StockOutcomeProducer.sendStockTaken(stack, UUID.randomUUID(), order, "kiwi");
        await().atMost(TIMEOUT).until(() -> lineStatuses(order).equals(List.of("RESERVED", "PENDING")));
        List<String> releaseWrites;
        Object cancelledAt;
        try (DecodingSlot slot = DecodingSlot.create(database, "cancel_once")) {
            CustomerOrders.cancel(order).statusCode(200).body("status", equalTo("CANCELLED"));
            cancelledAt = updatedAt(order);
            CustomerOrders.cancel(order).statusCode(200).body("status", equalTo("CANCELLED"));
            releaseWrites = slot.outboxChanges().stream()
                    .filter(change -> change.contains(order.toString()))
                    .toList();
        }

        assertThat(releaseWrites)
                .singleElement()
                .asString()
                .startsWith("table public.outbox_event: INSERT:")
                .contains(StockReleaseRequested.TYPE, "'kiwi'");
        assertThat(database.number("SELECT count(*) FROM customer_order WHERE id = ? AND status = 'CANCELLED'", order))
                .isOne();
        assertThat(updatedAt(order)).as("the second cancel changed nothing").isEqualTo(cancelledAt);
        assertThat(lineStatuses(order)).containsExactly("RELEASE_REQUESTED", "PENDING");
    }

    @Test
    void listsOrdersNewestFirstAPageAtATimeAndByStatus() {
        String older = CustomerOrders.place(body(line("lime", 1)));
        String newer = CustomerOrders.place(body(line("lime", 2)));
        CustomerOrders.cancel(older).statusCode(200);

        given().auth()
                .oauth2(TestTokens.operator())
                .queryParam("size", 1)
                .when()
                .get("/orders")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(newer))
                .body("size", equalTo(1));
        given().auth()
                .oauth2(TestTokens.operator())
                .queryParam("status", "CANCELLED")
                .queryParam("size", 100)
                .when()
                .get("/orders")
                .then()
                .statusCode(200)
                .body("items.status", everyItem(equalTo("CANCELLED")))
                .body("items.id", org.hamcrest.Matchers.hasItem(older));
        given().auth()
                .oauth2(TestTokens.operator())
                .queryParam("status", "SHIPPED")
                .when()
                .get("/orders")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void startsATraceOfItsOwnWhenTheHeaderIsInvalid() {
        String order = given().auth()
                .oauth2(TestTokens.customer())
                .contentType(ContentType.JSON)
                .header("traceparent", "not-a-trace")
                .body(body(line("date", 1)))
                .when()
                .post("/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        List<List<Object>> traceparents =
                database.query("SELECT traceparent FROM outbox_event WHERE payload ->> 'orderId' = ?", order);
        assertThat((String) traceparents.get(0).get(0))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
                .doesNotContain("not-a-trace");
    }

    @Test
    void servesItsOpenApiDocument() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("openapi", startsWith("3."))
                // Every error answer is documented as a problem, the library's common ones and the operation's own.
                .body(
                        "paths.'/orders'.post.responses.keySet()",
                        hasItems("201", "400", "409", "413", "415", "422", "500", "503"))
                .body("paths.'/orders'.post.responses.'422'.content.keySet()", hasItems(Problem.MEDIA_TYPE))
                .body("paths.'/orders'.post.responses.'409'.content.keySet()", hasItems(Problem.MEDIA_TYPE))
                .body(
                        "paths.'/orders/{id}/cancel'.post.responses.keySet()",
                        hasItems("200", "400", "404", "409", "500", "503"))
                .body("paths.'/orders/{id}'.get.responses.keySet()", hasItems("200", "404", "503"))
                .body(
                        "paths.'/orders/{id}'.get.responses.'503'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                // Who may call what: the bearer scheme, and each operation's roles.
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/orders'.post.security[0].bearer", contains(Roles.CUSTOMER))
                .body("paths.'/orders'.post.responses.keySet()", hasItems("201", "401", "403"))
                .body("paths.'/orders'.post.responses.keySet()", not(hasItem("200")))
                .body("paths.'/orders'.get.security[0].bearer", contains(Roles.OPERATOR))
                .body("paths.'/orders/{id}'.get.security[0].bearer", containsInAnyOrder(Roles.CUSTOMER, Roles.OPERATOR))
                .body(
                        "paths.'/orders/{id}/cancel'.post.responses.'401'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"));

        String document = given().accept("application/json").get("/q/openapi").asString();
        assertThat(OpenApiLint.servedViolations(document)).isEmpty();
    }

    /** How many transactions wait for a lock on the idempotency key table. */
    private long waitingForTheKeyTable() {
        return database.number("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                + " WHERE c.relname = 'idempotency_key' AND NOT l.granted");
    }

    private List<String> lineStatuses(UUID order) {
        return database.query("SELECT status FROM order_line WHERE order_id = ? ORDER BY line_number", order).stream()
                .map(row -> (String) row.get(0))
                .toList();
    }

    private Object updatedAt(UUID order) {
        return database.query("SELECT updated_at FROM customer_order WHERE id = ?", order)
                .get(0)
                .get(0);
    }

    /** Places the order with this Idempotency-Key, which must be accepted, and returns its id. */
    private static String placeWithKey(String idempotencyKey, String body) {
        return place(idempotencyKey, body).statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse place(String idempotencyKey, String body) {
        return given().auth()
                .oauth2(TestTokens.customer())
                .contentType(ContentType.JSON)
                .header(OrderResource.IDEMPOTENCY_KEY, idempotencyKey)
                .body(body)
                .when()
                .post("/orders")
                .then();
    }
}
