package dev.outboxstock.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/** A token verifies against the issuer's JWKS with the checks the services make, and no other key verifies it. */
class TokenIssuerTest {

    @Test
    void aTokenVerifiesAgainstTheIssuersJwksWithItsClaims() throws Exception {
        TokenIssuer issuer = TokenIssuer.generate("https://issuer.test", TokenIssuer.AUDIENCE);

        JwtClaims claims = verify(issuer.token(Role.STOCK_ADMIN, "alice"), issuer.jwks(), issuer.issuer());

        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("stock-admin");
        assertThat(claims.getAudience()).containsExactly(TokenIssuer.AUDIENCE);
    }

    @Test
    void theTestKeyMatchesTheJwksTheServicesTestProfileTrusts() throws Exception {
        String jwks = new String(TokenIssuer.class
                .getResourceAsStream("/access-tokens/test-jwks.json")
                .readAllBytes());

        assertThat(verify(TestTokens.customer(), jwks, TokenIssuer.TEST_ISSUER).getSubject())
                .isEqualTo(TestTokens.CUSTOMER);
    }

    @Test
    void anotherIssuersKeyDoesNotVerifyAndAnExpiredTokenIsRefused() {
        TokenIssuer issuer = TokenIssuer.generate("https://issuer.test", TokenIssuer.AUDIENCE);
        TokenIssuer other = TokenIssuer.generate("https://issuer.test", TokenIssuer.AUDIENCE);

        assertThatThrownBy(() -> verify(other.token(Role.CUSTOMER, "mallory"), issuer.jwks(), issuer.issuer()))
                .isInstanceOf(Exception.class);
        assertThatThrownBy(() -> verify(
                        issuer.token(Role.CUSTOMER, "late", Duration.ofMinutes(-5)), issuer.jwks(), issuer.issuer()))
                .isInstanceOf(InvalidJwtException.class);
    }

    private static JwtClaims verify(String token, String jwks, String expectedIssuer) throws Exception {
        JsonWebKeySet keys = new JsonWebKeySet(jwks);
        JsonWebSignature signature = new JsonWebSignature();
        signature.setCompactSerialization(token);
        var key = new VerificationJwkSelector().select(signature, keys.getJsonWebKeys());
        if (key == null) {
            throw new IllegalStateException("No key of the JWKS matches the token");
        }
        return new JwtConsumerBuilder()
                .setVerificationKey(key.getKey())
                .setExpectedIssuer(expectedIssuer)
                .setExpectedAudience(TokenIssuer.AUDIENCE)
                .setRequireExpirationTime()
                .build()
                .processToClaims(token);
    }
}
