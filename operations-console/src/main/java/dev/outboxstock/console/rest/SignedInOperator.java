package dev.outboxstock.console.rest;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who acts, as the caller's bearer token says (its {@code upn}, {@code preferred_username} or {@code sub}): the name
 * the action log records. Never what the caller claims in the request, so that no operator acts in another's name.
 */
@RequestScoped
public class SignedInOperator {

    /** The action log's column ({@code redrive_action.operator}). */
    static final int MAX_LENGTH = 64;

    private final JsonWebToken token;

    public SignedInOperator(JsonWebToken token) {
        this.token = token;
    }

    /** The token's name, control characters replaced (it is written to logs), cut to what the log keeps. */
    public String name() {
        return token.getName()
                .codePoints()
                .limit(MAX_LENGTH)
                .map(character -> Character.isISOControl(character) ? '?' : character)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
