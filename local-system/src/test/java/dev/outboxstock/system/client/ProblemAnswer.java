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

    private ProblemAnswer() {}

    static PactDslResponse of(PactDslRequestWithPath request, int status, String title) {
        return request.willRespondWith()
                .status(status)
                .matchHeader("Content-Type", "application/problem\\+json(;.*)?", MEDIA_TYPE)
                .body(new PactDslJsonBody().stringType("title", title).integerType("status", status));
    }
}
