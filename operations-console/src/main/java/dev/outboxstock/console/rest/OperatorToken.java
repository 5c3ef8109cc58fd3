package dev.outboxstock.console.rest;

import dev.outboxstock.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The operators' shared secret. A presented token is compared in constant time: both sides are hashed first, so that
 * neither the content nor the length of the secret shows in how long a wrong guess takes.
 */
@ApplicationScoped
public class OperatorToken {

    /** Shorter secrets can be guessed. */
    static final int MIN_LENGTH = 16;

    private final byte[] expectedDigest;

    public OperatorToken(ConsoleConfig config) {
        if (config.operatorToken().length() < MIN_LENGTH) {
            throw new IllegalStateException("console.operator-token must be at least " + MIN_LENGTH + " characters");
        }
        this.expectedDigest = digest(config.operatorToken());
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(expectedDigest, digest(presented));
    }

    /** Whether an {@code Authorization} header value is {@code Bearer <the token>}. */
    public boolean matchesBearer(String authorization) {
        String prefix = "Bearer ";
        return authorization != null
                && authorization.regionMatches(true, 0, prefix, 0, prefix.length())
                && matches(authorization.substring(prefix.length()).strip());
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
