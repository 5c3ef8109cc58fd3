package dev.outboxstock.system.client;

import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import java.util.Map;

/**
 * What the clients' pacts say of every request and of every error answer: JSON both ways, and errors as RFC 7807
 * problems with a title and the status, which a person reading an {@link UnexpectedResponseException} relies on.
 */
final class ProblemAnswer {

    static final String MEDIA_TYPE = "application/problem+json";

    /** The headers every request of the clients carries. */
    static final Map<String, String> JSON_REQUEST = Map.of("Content-Type", "application/json");

    /**
     * Every request carries a bearer token: the pact pins its form (a JWT), not its value, which the provider's state
     * for the caller ({@link #CUSTOMER_SIGNED_IN}, {@link #STOCK_ADMIN_SIGNED_IN}) mints with its own key.
     */
    static final String AUTHORIZATION = "Authorization";

    static final String BEARER = "Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";
    /** What the consumer tests' clients present (any JWT would do). */
    static final String EXAMPLE_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjdXN0b21lciJ9.c2lnbmF0dXJl";

    static final String EXAMPLE_BEARER = "Bearer " + EXAMPLE_TOKEN;
    static final String CUSTOMER_SIGNED_IN = "a customer is signed in";
    static final String STOCK_ADMIN_SIGNED_IN = "a stock administrator is signed in";

    private ProblemAnswer() {}

    static PactDslResponse of(PactDslRequestWithPath request, int status, String title) {
        return request.willRespondWith()
                .status(status)
                .matchHeader("Content-Type", "application/problem\\+json(;.*)?", MEDIA_TYPE)
                .body(new PactDslJsonBody().stringType("title", title).integerType("status", status));
    }
}
