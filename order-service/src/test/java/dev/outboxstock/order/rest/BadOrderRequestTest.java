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

    private static final String JSON = "application/json";

    @InjectLocalStack
    LocalStack stack;

    static Stream<Arguments> badRequests() {
        return Stream.of(
                invalid("no lines", "{\"lines\":[]}"),
                invalid("no lines field", "{}"),
                invalid("a null line", "{\"lines\":[null]}"),
                invalid(
                        "101 lines",
                        body(IntStream.rangeClosed(1, 101)
                                .mapToObj(i -> line("p" + i, 1))
                                .toArray(String[]::new))),
                invalid("quantity 0", body(line("apple", 0))),
                invalid("quantity -1", body(line("apple", -1))),
                invalid("quantity 10001", body(line("apple", 10_001))),
                invalid("quantity beyond int", appleWithQuantity("99999999999999999999")),
                invalid("quantity as text", appleWithQuantity("\"2\"")),
                invalid("quantity 1.5", appleWithQuantity("1.5")),
                invalid("quantity missing", "{\"lines\":[{\"productId\":\"apple\"}]}"),
                invalid("product id missing", "{\"lines\":[{\"quantity\":1}]}"),
                invalid("product id empty", body(line("", 1))),
                invalid("product id with a space", body(line("green apple", 1))),
                invalid("product id of 65 characters", body(line("a".repeat(65), 1))),
                invalid("product id in SQL", body(line("x'; DROP TABLE customer_order; --", 1))),
                invalid("product id not ASCII", body(line("äpfel", 1))),
                invalid("the same product twice", body(line("apple", 1), line("apple", 2))),
                invalid("an unknown field", "{\"lines\":[{\"productId\":\"apple\",\"quantity\":1}],\"coupon\":\"X\"}"),
                invalid("malformed JSON", "{\"lines\":[{\"productId\":\"apple\","),
                invalid("JSON of the wrong shape", "[1,2,3]"),
                invalid("no body", ""),
                Arguments.of("not JSON content", "text/plain", body(line("apple", 1)), Map.of(), 415),
                Arguments.of("a body over the limit", JSON, "{\"lines\":[" + " ".repeat(70_000) + "]}", Map.of(), 413),
                Arguments.of(
                        "an Idempotency-Key of 129 characters",
                        JSON,
                        body(line("apple", 1)),
                        Map.of(OrderResource.IDEMPOTENCY_KEY, "k".repeat(129)),
                        400));
    }

    /** A JSON body the order API refuses with 400. */
    private static Arguments invalid(String what, String body) {
        return Arguments.of(what, JSON, body, Map.of(), 400);
    }

    /** One line of apples whose quantity is written as this raw JSON. */
    private static String appleWithQuantity(String rawQuantity) {
        return "{\"lines\":[{\"productId\":\"apple\",\"quantity\":" + rawQuantity + "}]}";
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
