package dev.outboxstock.order.rest;

import static dev.outboxstock.order.CustomerOrders.body;
import static dev.outboxstock.order.CustomerOrders.line;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.order.CustomerOrders;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.OrdersDatabase;
import dev.outboxstock.problem.Problem;
import dev.outboxstock.token.HostileTokens;
import dev.outboxstock.token.HostileTokens.HostileToken;
import dev.outboxstock.token.Role;
import dev.outboxstock.token.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A token that is missing, malformed, expired, not yet valid, wrongly signed or meant for someone else gets 401 with a
 * challenge; a valid one without the role 403. Nothing is written and the answer says nothing about the order.
 */
@QuarkusTest
@OrderTestResource
class HostileTokenTest {

    @InjectLocalStack
    LocalStack stack;

    static List<HostileToken> hostileTokens() {
        return HostileTokens.against(TestTokens.issuer(), Role.CUSTOMER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTokens")
    void isRefusedWith401AndNothingWritten(HostileToken token) {
        OrdersDatabase database = new OrdersDatabase(stack);
        long rowsBefore = database.rowsInAllTables();

        as(token)
                .contentType(ContentType.JSON)
                .body(body(line("apple", 1)))
                .post("/orders")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType(Problem.MEDIA_TYPE);
        as(token).post("/orders/{id}/cancel", UUID.randomUUID()).then().statusCode(401);
        as(token).get("/orders/{id}", UUID.randomUUID()).then().statusCode(401);
        as(token).get("/orders").then().statusCode(401);

        assertThat(database.rowsInAllTables()).isEqualTo(rowsBefore);
    }

    @Test
    void aValidTokenWithoutTheRoleIs403AndWritesNothing() {
        OrdersDatabase database = new OrdersDatabase(stack);
        long rowsBefore = database.rowsInAllTables();

        given().auth()
                .oauth2(TestTokens.stockAdmin())
                .contentType(ContentType.JSON)
                .body(body(line("apple", 1)))
                .post("/orders")
                .then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(TestTokens.customer()).get("/orders").then().statusCode(403);
        given().auth()
                .oauth2(TestTokens.customer())
                .get("/orders/timeline?since=2026-01-01T00:00:00Z")
                .then()
                .statusCode(403);
        CustomerOrders.cancelAs(TestTokens.operator(), UUID.randomUUID()).statusCode(403);

        assertThat(database.rowsInAllTables()).isEqualTo(rowsBefore);
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    private static RequestSpecification as(HostileToken token) {
        RequestSpecification request = given();
        token.authorization().ifPresent(value -> request.header("Authorization", value));
        return request;
    }
}
