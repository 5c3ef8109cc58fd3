package dev.outboxstock.token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * An identity provider of its own for a system that runs without one: an RSA key that signs bearer tokens (RS256,
 * the issuer, the audience, the subject, the role in {@code groups}, issued-at and expiry), and the JWKS with its
 * public half, which the services verify tokens against.
 */
public final class TokenIssuer {

    /** The issuer and audience of the tests' tokens, which the services' test profiles expect. */
    public static final String TEST_ISSUER = "https://issuer.outbox-stock.test";

    public static final String AUDIENCE = "outbox-stock";

    /** A token valid for as long as a test or a benchmark needs it. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(1);

    private static final String TEST_KEY = "/access-tokens/test-signing-key.json";

    private final RsaJsonWebKey key;
    private final String issuer;
    private final String audience;

    private TokenIssuer(RsaJsonWebKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** A new 2048-bit key, for one run of the system. */
    public static TokenIssuer generate(String issuer, String audience) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(UUID.randomUUID().toString());
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            return new TokenIssuer(key, issuer, audience);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    /**
     * The fixed key of the services' {@code @QuarkusTest}s: their test profile verifies against its JWKS
     * ({@code access-tokens/test-jwks.json} on the test class path). Never configure a deployment with it: its
     * private half is public.
     */
    public static TokenIssuer forTests() {
        try (InputStream in = TokenIssuer.class.getResourceAsStream(TEST_KEY)) {
            if (in == null) {
                throw new IllegalStateException(TEST_KEY + " is missing");
            }
            RsaJsonWebKey key =
                    (RsaJsonWebKey) JsonWebKey.Factory.newJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return new TokenIssuer(key, TEST_ISSUER, AUDIENCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(TEST_KEY + " is not a JSON Web Key", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /** A token of {@code subject} in {@code role}, valid for {@link #DEFAULT_VALIDITY}. */
    public String token(Role role, String subject) {
        return token(role, subject, DEFAULT_VALIDITY);
    }

    public String token(Role role, String subject, Duration validity) {
        return sign(claims(role, subject, validity));
    }

    /** The claims {@link #token} signs, for a test to change one of them before {@link #sign signing}. */
    public JwtClaims claims(Role role, String subject, Duration validity) {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setStringListClaim("groups", List.of(role.group()));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(validity).getEpochSecond()));
        claims.setGeneratedJwtId();
        return claims;
    }

    /** The claims signed with this issuer's key (RS256, its key id in the header). */
    public String sign(JwtClaims claims) {
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(key.getPrivateKey());
        signature.setKeyIdHeaderValue(key.getKeyId());
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /** The JWKS the services verify against: the public key only. */
    public String jwks() {
        return new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** The public key as PEM text: what an attacker signs with as an HMAC secret (HS256), an attack to refuse. */
    public String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getPublicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }
}
