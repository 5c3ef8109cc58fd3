package dev.outboxstock.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Every kind of token a service must refuse with 401, each as the {@code Authorization} header a caller would send
 * (empty: no header at all). All but the first two carry the role the endpoint allows, so only what is wrong with the
 * token can be the reason for the refusal.
 */
public final class HostileTokens {

    private HostileTokens() {}

    /** A refused way to call: its name (for a test's message) and the header, if any. */
    public record HostileToken(String name, Optional<String> authorization) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** The tokens {@code trusted}'s services must refuse, for a caller of {@code role}. */
    public static List<HostileToken> against(TokenIssuer trusted, Role role) {
        String subject = "hostile";
        List<HostileToken> tokens = new ArrayList<>();
        tokens.add(new HostileToken("missing", Optional.empty()));
        tokens.add(bearer("malformed", "not-a-token"));
        tokens.add(bearer("expired", trusted.token(role, subject, Duration.ofMinutes(-5))));

        JwtClaims notYetValid = trusted.claims(role, subject, Duration.ofHours(2));
        notYetValid.setNotBefore(NumericDate.fromSeconds(NumericDate.now().getValue() + 3600));
        tokens.add(bearer("not yet valid", trusted.sign(notYetValid)));

        TokenIssuer impostor = TokenIssuer.generate(trusted.issuer(), trusted.audience());
        tokens.add(bearer("signed by another key", impostor.token(role, subject)));

        JwtClaims claims = trusted.claims(role, subject, TokenIssuer.DEFAULT_VALIDITY);
        tokens.add(bearer("alg none", unsigned(claims)));
        tokens.add(bearer("HS256 with the public key", hmacWithPublicKey(claims, trusted)));

        JwtClaims otherAudience = trusted.claims(role, subject, TokenIssuer.DEFAULT_VALIDITY);
        otherAudience.setAudience("another-service");
        tokens.add(bearer("wrong audience", trusted.sign(otherAudience)));

        JwtClaims otherIssuer = trusted.claims(role, subject, TokenIssuer.DEFAULT_VALIDITY);
        otherIssuer.setIssuer("https://issuer.example.org");
        tokens.add(bearer("wrong issuer", trusted.sign(otherIssuer)));

        String valid = trusted.token(role, subject);
        tokens.add(bearer("signature cut off", valid.substring(0, valid.lastIndexOf('.') + 1)));
        tokens.add(new HostileToken("another scheme", Optional.of("Basic " + valid)));
        return tokens;
    }

    private static HostileToken bearer(String name, String token) {
        return new HostileToken(name, Optional.of("Bearer " + token));
    }

    /** {@code alg: none}: claims with no signature at all. */
    private static String unsigned(JwtClaims claims) {
        JsonWebSignature none = new JsonWebSignature();
        none.setPayload(claims.toJson());
        none.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        none.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        return serialize(none);
    }

    /** The classic confusion: HS256 with the (public) RSA key as the HMAC secret. */
    private static String hmacWithPublicKey(JwtClaims claims, TokenIssuer trusted) {
        JsonWebSignature hmac = new JsonWebSignature();
        hmac.setPayload(claims.toJson());
        hmac.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hmac.setKey(new HmacKey(trusted.publicKeyPem().getBytes(StandardCharsets.US_ASCII)));
        hmac.setDoKeyValidation(false);
        return serialize(hmac);
    }

    private static String serialize(JsonWebSignature signature) {
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot make a hostile token", e);
        }
    }
}
