package dev.outboxstock.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.outboxstock.inventory.InventoryTestResource;
import dev.outboxstock.problem.Problem;
import dev.outboxstock.token.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A product's stock history, as the operations console reads it. */
@QuarkusTest
@InventoryTestResource
class ProductMovementsTest {

    @Test
    void listsAProductsMovementsNewestFirst() {
        String product = "history-" + UUID.randomUUID().toString().substring(0, 8);
        setStock(product, 5);
        setStock(product, 8);

        given().auth()
                .oauth2(TestTokens.stockAdmin())
                .get("/products/{id}/movements", product)
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("kind", contains("SET", "SET"))
                .body("availableAfter", contains(8, 5))
                .body("[0].outcome", equalTo("APPLIED"))
                .body("[0].recordedAt", notNullValue());
        given().auth()
                .oauth2(TestTokens.stockAdmin())
                .get("/products/{id}/movements?size=1&page=1", product)
                .then()
                .statusCode(200)
                .body("availableAfter", contains(5));
    }

    @Test
    void refusesUnknownProductsAndAbsurdPages() {
        given().auth()
                .oauth2(TestTokens.stockAdmin())
                .get("/products/no-such-product/movements")
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("no-such-product"));
        given().auth()
                .oauth2(TestTokens.stockAdmin())
                .get("/products/apple/movements?size=100000")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(TestTokens.stockAdmin())
                .get("/products/apple/movements?page=-1")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(TestTokens.stockAdmin())
                .get("/products/bad id!/movements")
                .then()
                .statusCode(400);
    }

    private static void setStock(String product, int available) {
        given().auth()
                .oauth2(TestTokens.stockAdmin())
                .contentType(ContentType.JSON)
                .body("{\"available\":" + available + "}")
                .put("/products/{id}/stock", product)
                .then()
                .statusCode(200);
    }
}
