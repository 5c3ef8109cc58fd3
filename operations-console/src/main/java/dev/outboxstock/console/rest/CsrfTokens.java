package dev.outboxstock.console.rest;

import dev.outboxstock.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The page's CSRF token of a signed-in browser: an HMAC-SHA256, with a server key, of its sign-in cookie. It is bound
 * to that session (another session's token does not match), needs no state on the server, and cannot be made by a
 * page of another site, which can neither read the cookie nor knows the key. The page puts it in each of its forms;
 * {@link CrossSiteRequestGuard} requires it on every state change the cookie authenticates.
 */
@ApplicationScoped
public class CsrfTokens {

    /** The form field and the header that carry it. */
    static final String FIELD = "csrf";

    static final String HEADER = "X-CSRF-Token";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_LENGTH = 32;

    private final SecretKeySpec key;

    public CsrfTokens(ConsoleConfig config) {
        this.key = new SecretKeySpec(
                config.csrfSecret().map(CsrfTokens::checked).orElseGet(CsrfTokens::random), ALGORITHM);
    }

    /** The token of the session whose sign-in cookie is {@code session}. */
    public String of(String session) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", missing);
        }
    }

    /** Whether {@code token} is the session's, compared in constant time. */
    public boolean matches(String session, String token) {
        return token != null
                && MessageDigest.isEqual(
                        of(session).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] checked(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "console.csrf-secret must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
