package dev.outboxstock.order;

import static io.restassured.RestAssured.given;

import dev.outboxstock.token.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The signed-in customer placing, reading and cancelling orders over the HTTP API (or another caller, where a test
 * passes its token), for the tests that need an order placed, read or refused.
 */
public final class CustomerOrders {

    private CustomerOrders() {}

    /** An order's JSON body with these lines, each written by {@link #line}. */
    public static String body(String... lines) {
        return "{\"lines\":[" + String.join(",", lines) + "]}";
    }

    public static String line(String productId, int quantity) {
        return "{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}";
    }

    /** Posts this order as the customer; the answer, to check. */
    public static ValidatableResponse post(String body) {
        return given().auth()
                .oauth2(TestTokens.customer())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/orders")
                .then();
    }

    /** Cancels this order as the customer; the answer, to check. */
    public static ValidatableResponse cancel(Object orderId) {
        return cancelAs(TestTokens.customer(), orderId);
    }

    /** Cancels this order with this bearer token (another customer's, an operator's); the answer, to check. */
    public static ValidatableResponse cancelAs(String token, Object orderId) {
        return given().auth()
                .oauth2(token)
                .when()
                .post("/orders/{id}/cancel", orderId)
                .then();
    }

    /** Reads this order as the customer; the answer, to check. */
    public static ValidatableResponse read(Object orderId) {
        return readAs(TestTokens.customer(), orderId);
    }

    /** Reads this order with this bearer token (another customer's, an operator's); the answer, to check. */
    public static ValidatableResponse readAs(String token, Object orderId) {
        return given().auth().oauth2(token).when().get("/orders/{id}", orderId).then();
    }

    /** Places this order, which must be accepted, and returns its id. */
    public static String place(String body) {
        return post(body).statusCode(201).extract().path("id");
    }

    /** Places an order of one unit of each product, which must be accepted, and returns its id. */
    public static UUID placeOneOfEach(String... products) {
        return UUID.fromString(
                place(body(Stream.of(products).map(product -> line(product, 1)).toArray(String[]::new))));
    }
}
