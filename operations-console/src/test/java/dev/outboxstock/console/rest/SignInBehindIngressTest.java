package dev.outboxstock.console.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.outboxstock.console.OperationsTestResource;
import dev.outboxstock.token.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console as deploy/ runs it behind the TLS ingress (proxy forwarding on, as its ConfigMap sets it): the sign-in
 * cookie of a request the ingress forwards as HTTPS is {@code Secure}, although the ingress reaches the console over
 * plain HTTP on a loopback-looking address.
 */
@QuarkusTest
@OperationsTestResource
@TestProfile(SignInBehindIngressTest.ProxyForwarding.class)
class SignInBehindIngressTest {

    /** What deploy/k8s/base/operations-console sets (QUARKUS_HTTP_PROXY_*). */
    public static class ProxyForwarding implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Test
    void aSignInTheIngressForwardsAsHttpsGetsASecureCookie() {
        given().redirects()
                .follow(false)
                .header("X-Forwarded-Proto", "https")
                .formParam("token", TestTokens.operator())
                .post("/sign-in")
                .then()
                .statusCode(303)
                .header("Set-Cookie", containsString("Secure"))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"));
    }
}
