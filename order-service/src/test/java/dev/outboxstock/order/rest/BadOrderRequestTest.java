package dev.outboxstock.order.rest;

import static dev.outboxstock.order.CustomerOrders.body;
import static dev.outboxstock.order.CustomerOrders.line;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.OrdersDatabase;
import dev.outboxstock.problem.Problem;
import dev.outboxstock.token.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Collections;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad request gets the right 4xx as problem details, and nothing is written to any table. */
@QuarkusTest
@OrderTestResource
class BadOrderRequestTest {

    @InjectLocalStack
    LocalStack stack;

    static Stream<Arguments> badRequests() {
        String json = "application/json";
        return Stream.of(
                bad("no lines", json, "{\"lines\":[]}", 400),
                bad("no lines field", json, "{}", 400),
                bad("a null line", json, "{\"lines\":[null]}", 400),
                bad(
                        "101 lines",
                        json,
                        body(IntStream.rangeClosed(1, 101)
                                .mapToObj(i -> line("p" + i, 1))
                                .toArray(String[]::new)),
                        400),
                bad("quantity 0", json, body(line("apple", 0)), 400),
                bad("quantity -1", json, body(line("apple", -1)), 400),
                bad("quantity 10001", json, body(line("apple", 10_001)), 400),
                bad(
                        "quantity beyond int",
                        json,
                        "{\"lines\":[{\"productId\":\"apple\",\"quantity\":99999999999999999999}]}",
                        400),
                bad("quantity as text", json, "{\"lines\":[{\"productId\":\"apple\",\"quantity\":\"2\"}]}", 400),
                bad("quantity 1.5", json, "{\"lines\":[{\"productId\":\"apple\",\"quantity\":1.5}]}", 400),
                bad("quantity missing", json, "{\"lines\":[{\"productId\":\"apple\"}]}", 400),
                bad("product id missing", json, "{\"lines\":[{\"quantity\":1}]}", 400),
                bad("product id empty", json, body(line("", 1)), 400),
                bad("product id with a space", json, body(line("green apple", 1)), 400),
                bad("product id of 65 characters", json, body(line("a".repeat(65), 1)), 400),
                bad("product id in SQL", json, body(line("x'; DROP TABLE customer_order; --", 1)), 400),
                bad("product id not ASCII", json, body(line("äpfel", 1)), 400),
                bad("the same product twice", json, body(line("apple", 1), line("apple", 2)), 400),
                bad(
                        "an unknown field",
                        json,
                        "{\"lines\":[{\"productId\":\"apple\",\"quantity\":1}],\"coupon\":\"X\"}",
                        400),
                bad("malformed JSON", json, "{\"lines\":[{\"productId\":\"apple\",", 400),
                bad("JSON of the wrong shape", json, "[1,2,3]", 400),
                bad("no body", json, "", 400),
                bad("not JSON content", "text/plain", body(line("apple", 1)), 415),
                bad("a body over the limit", json, "{\"lines\":[" + " ".repeat(70_000) + "]}", 413),
                Arguments.of(
                        "an Idempotency-Key of 129 characters",
                        json,
                        body(line("apple", 1)),
                        Map.of(OrderResource.IDEMPOTENCY_KEY, "k".repeat(129)),
                        400));
    }

    private static Arguments bad(String what, String contentType, String body, int status) {
        return Arguments.of(what, contentType, body, Collections.emptyMap(), status);
    }

    @ParameterizedTest(name = "{0} -> {4}")
    @MethodSource("badRequests")
    void isRefusedWithProblemDetailsAndNothingWritten(
            String what, String contentType, String body, Map<String, String> headers, int status) {
        OrdersDatabase database = new OrdersDatabase(stack);
        long rowsBefore = database.rowsInAllTables();

        given().auth()
                .oauth2(TestTokens.customer())
                .contentType(contentType)
                .headers(headers)
                .body(body)
                .when()
                .post("/orders")
                .then()
                .statusCode(status)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status));

        assertThat(database.rowsInAllTables()).as(what).isEqualTo(rowsBefore);
    }
}
