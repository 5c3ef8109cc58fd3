package dev.outboxstock.order.rest;

import static dev.outboxstock.order.CustomerOrders.body;
import static dev.outboxstock.order.CustomerOrders.line;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.contract.testing.OpenApiLint;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.order.CustomerOrders;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.OrdersDatabase;
import dev.outboxstock.problem.Problem;
import dev.outboxstock.problem.Roles;
import dev.outboxstock.token.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@OrderTestResource
class OrderResourceTest {

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

    @Test
    void racingRequestsWithOneIdempotencyKeyPlaceOneOrder() {
        String key = "race-" + UUID.randomUUID();
        List<CompletableFuture<String>> racers = List.of(1, 2, 3, 4).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> place(key, body(line("fig", 3)))
                        .statusCode(201)
                        .extract()
                        .<String>path("id")))
                .toList();

        List<String> ids =
                racers.stream().map(CompletableFuture::join).distinct().toList();

        assertThat(ids).hasSize(1);
        assertThat(database.number("SELECT count(*) FROM customer_order WHERE id = ?::uuid", ids.get(0)))
                .isEqualTo(1);
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

    @Test
    void cancelsAPendingOrderOnce() {
        String order = CustomerOrders.place(body(line("kiwi", 1)));

        CustomerOrders.cancel(order).statusCode(200).body("status", equalTo("CANCELLED"));
        CustomerOrders.cancel(order).statusCode(200).body("status", equalTo("CANCELLED"));
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
                        hasItems("201", "400", "413", "415", "422", "500", "503"))
                .body("paths.'/orders'.post.responses.'422'.content.keySet()", hasItems(Problem.MEDIA_TYPE))
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
        assertThat(OpenApiLint.violations(document)).isEmpty();
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
