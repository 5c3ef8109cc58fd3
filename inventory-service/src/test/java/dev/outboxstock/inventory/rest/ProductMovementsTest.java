package dev.outboxstock.inventory.rest;

import static dev.outboxstock.inventory.ProductApi.setStock;
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
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A product's stock history, as the operations console reads it. */
@QuarkusTest
@InventoryTestResource
class ProductMovementsTest {

    @Test
    void listsAProductsMovementsNewestFirst() {
        String product = "history-" + UUID.randomUUID().toString().substring(0, 8);
        setStock(product, 5).statusCode(200);
        setStock(product, 8).statusCode(200);

        getAsStockAdmin("/products/{id}/movements", product)
                .statusCode(200)
                .body("$", hasSize(2))
                .body("kind", contains("SET", "SET"))
                .body("availableAfter", contains(8, 5))
                .body("[0].outcome", equalTo("APPLIED"))
                .body("[0].recordedAt", notNullValue());
        getAsStockAdmin("/products/{id}/movements?size=1&page=1", product)
                .statusCode(200)
                .body("availableAfter", contains(5));
    }

    @Test
    void refusesUnknownProductsAndAbsurdPages() {
        getAsStockAdmin("/products/no-such-product/movements")
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("no-such-product"));
        getAsStockAdmin("/products/apple/movements?size=100000").statusCode(400);
        getAsStockAdmin("/products/apple/movements?page=-1").statusCode(400);
        getAsStockAdmin("/products/bad id!/movements").statusCode(400);
    }

    /** What a stock administrator is answered when reading this path. */
    private static ValidatableResponse getAsStockAdmin(String path, Object... pathParams) {
        return given().auth()
                .oauth2(TestTokens.stockAdmin())
                .get(path, pathParams)
                .then();
    }
}
