package dev.outboxstock.console.rest;

import static io.restassured.RestAssured.given;

import dev.outboxstock.token.TestTokens;
import io.restassured.specification.RequestSpecification;

/** Requests with an operator's bearer token: the API's callers send it, and so does the page's sign-in cookie. */
final class OperatorRequests {

    private OperatorRequests() {}

    static RequestSpecification asOperator() {
        return given().auth().oauth2(TestTokens.operator());
    }

    /** As the operator {@code name}, whom the action log then names. */
    static RequestSpecification asOperator(String name) {
        return given().auth().oauth2(TestTokens.operator(name));
    }
}
