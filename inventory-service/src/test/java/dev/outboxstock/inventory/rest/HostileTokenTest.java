package dev.outboxstock.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import dev.outboxstock.inventory.InventoryDatabase;
import dev.outboxstock.inventory.InventoryTestResource;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
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
 * Setting stock with a token that is missing, malformed, expired, not yet valid, wrongly signed or meant for someone
 * else is 401 with a challenge, with a valid one without the role 403; the stock stays as it was.
 */
@QuarkusTest
@InventoryTestResource
class HostileTokenTest {

    @InjectLocalStack
    LocalStack stack;

    static List<HostileToken> hostileTokens() {
        return HostileTokens.against(TestTokens.issuer(), Role.STOCK_ADMIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTokens")
    void isRefusedWith401AndTheStockStaysAsItWas(HostileToken token) {
        String product = "hostile-" + UUID.randomUUID().toString().substring(0, 8);

        as(token)
                .contentType(ContentType.JSON)
                .body("{\"available\": 5}")
                .put("/products/{id}/stock", product)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType(Problem.MEDIA_TYPE);
        as(token).get("/products/{id}", product).then().statusCode(401);
        as(token).get("/products/{id}/movements", product).then().statusCode(401);

        assertThat(new InventoryDatabase(stack).number("SELECT count(*) FROM product WHERE id = ?", product))
                .isZero();
    }

    @Test
    void aValidTokenWithoutTheRoleIs403AndTheStockStaysAsItWas() {
        String product = "no-role-" + UUID.randomUUID().toString().substring(0, 8);
        for (String token : List.of(TestTokens.customer(), TestTokens.operator())) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body("{\"available\": 5}")
                    .put("/products/{id}/stock", product)
                    .then()
                    .statusCode(403)
                    .contentType(Problem.MEDIA_TYPE);
        }
        given().auth()
                .oauth2(TestTokens.customer())
                .get("/products/{id}/movements", product)
                .then()
                .statusCode(403);

        assertThat(new InventoryDatabase(stack).number("SELECT count(*) FROM product WHERE id = ?", product))
                .isZero();
    }

    private static RequestSpecification as(HostileToken token) {
        RequestSpecification request = given();
        token.authorization().ifPresent(value -> request.header("Authorization", value));
        return request;
    }
}
