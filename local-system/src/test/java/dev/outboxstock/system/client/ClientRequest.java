package dev.outboxstock.system.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.core.model.V4Pact;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What the clients' pacts say of every request, and how they end one that answers: a request carries the caller's
 * bearer token, one with a body sends JSON; a status the client does not expect fails the call.
 */
final class ClientRequest {

    /** The headers every request with a body carries. */
    static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

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

    private ClientRequest() {}

    /** A request of the signed-in caller: this method on this path, bearing the caller's token. */
    static PactDslRequestWithPath signedIn(PactDslRequestWithoutPath request, String method, String path) {
        return bearing(request.method(method).path(path));
    }

    /**
     * A request of the signed-in caller on a path the provider's state names (an order it created), written as the
     * expression the provider fills in and an example value.
     */
    static PactDslRequestWithPath signedInOnStatePath(
            PactDslRequestWithoutPath request, String method, String pathExpression, String examplePath) {
        return bearing(request.method(method).pathFromProviderState(pathExpression, examplePath));
    }

    /** The provider answers the request with this status and body. */
    static V4Pact answer(PactDslRequestWithPath request, int status, DslPart body) {
        return request.willRespondWith().status(status).body(body).toPact(V4Pact.class);
    }

    /** The provider answers the request with this status and no body. */
    static V4Pact answer(PactDslRequestWithPath request, int status) {
        return request.willRespondWith().status(status).toPact(V4Pact.class);
    }

    /** Asserts that {@code call} fails because the service answered {@code status}, which the client does not expect. */
    static void assertRefusedWith(int status, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        UnexpectedResponseException.class,
                        refused -> assertThat(refused.status()).isEqualTo(status));
    }

    private static PactDslRequestWithPath bearing(PactDslRequestWithPath request) {
        return request.matchHeader(AUTHORIZATION, BEARER, EXAMPLE_BEARER);
    }
}
