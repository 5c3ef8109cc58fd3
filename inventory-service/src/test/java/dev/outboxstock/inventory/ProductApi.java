package dev.outboxstock.inventory;

import static io.restassured.RestAssured.given;

import dev.outboxstock.token.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The product API as its callers use it, for the tests that set stock or read a product over HTTP. */
public final class ProductApi {

    private ProductApi() {}

    /** Sets the product's stock as the stock administrator; the answer, to check. */
    public static ValidatableResponse setStock(String productId, int available) {
        return given().auth()
                .oauth2(TestTokens.stockAdmin())
                .contentType(ContentType.JSON)
                .body("{\"available\": " + available + "}")
                .when()
                .put("/products/{id}/stock", productId)
                .then();
    }

    /** Reads the product as a customer; the answer, to check. */
    public static ValidatableResponse readProduct(String productId) {
        return given().auth()
                .oauth2(TestTokens.customer())
                .get("/products/{id}", productId)
                .then();
    }
}
