package dev.outboxstock.system;

import dev.outboxstock.token.JwksServer;
import dev.outboxstock.token.TokenIssuer;
import java.util.Map;

/**
 * The run's own identity provider: a signing key made at start, its JWKS served over HTTP on the loopback interface.
 * The services fetch the JWKS from a URL, as they would a real provider's, so there is nothing to install locally.
 */
final class LocalIdentityProvider implements AutoCloseable {

    private final TokenIssuer tokens;
    private final JwksServer jwks;

    private LocalIdentityProvider(TokenIssuer tokens, JwksServer jwks) {
        this.tokens = tokens;
        this.jwks = jwks;
    }

    static LocalIdentityProvider start(String issuer) {
        TokenIssuer tokens = TokenIssuer.generate(issuer, TokenIssuer.AUDIENCE);
        return new LocalIdentityProvider(tokens, JwksServer.start(tokens));
    }

    TokenIssuer tokens() {
        return tokens;
    }

    /** What every service with an API needs to verify this provider's tokens (the relays ignore it). */
    Map<String, String> serviceEnvironment() {
        return Map.of(
                "AUTH_JWKS_URL", jwks.url().toString(),
                "AUTH_ISSUER", tokens.issuer(),
                "AUTH_AUDIENCE", tokens.audience());
    }

    @Override
    public void close() {
        jwks.close();
    }
}
