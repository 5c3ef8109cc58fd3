package dev.outboxstock.system.client;

import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.core.model.V4Pact;

/**
 * What the clients' pacts say of every error answer: an RFC 7807 problem with a title and the status, which a person
 * reading an {@link UnexpectedResponseException} relies on.
 */
final class ProblemAnswer {

    static final String MEDIA_TYPE = "application/problem+json";

    private ProblemAnswer() {}

    /** The provider answers the request with a problem of this status and title. */
    static V4Pact of(PactDslRequestWithPath request, int status, String title) {
        return request.willRespondWith()
                .status(status)
                .matchHeader("Content-Type", "application/problem\\+json(;.*)?", MEDIA_TYPE)
                .body(new PactDslJsonBody().stringType("title", title).integerType("status", status))
                .toPact(V4Pact.class);
    }
}
