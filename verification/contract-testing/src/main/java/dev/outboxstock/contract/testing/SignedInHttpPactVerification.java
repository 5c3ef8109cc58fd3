package dev.outboxstock.contract.testing;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import java.net.URL;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the pact an HTTP client of a service wrote, against the running application: every request is sent to it,
 * bearing the token the provider state for the caller minted. A subclass names the provider, the consumer and the
 * pact folder, says where the application listens, and sets up the states, signing the caller in with
 * {@link #signIn(String)}.
 */
public abstract class SignedInHttpPactVerification {

    private String token;

    /** Where the application under test listens. */
    protected abstract URL application();

    /** Every request of the consumer is made as the caller of this token. */
    protected void signIn(String token) {
        this.token = token;
    }

    @BeforeEach
    protected void sendRequestsToTheApplication(PactVerificationContext context) {
        context.setTarget(
                new HttpTestTarget(application().getHost(), application().getPort()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    protected void verify(PactVerificationContext context, HttpRequest request) {
        // The pact pins the header's form; the value is the token the caller's state minted.
        request.setHeader("Authorization", "Bearer " + token);
        context.verifyInteraction();
    }
}
