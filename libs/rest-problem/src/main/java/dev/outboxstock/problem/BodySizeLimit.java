package dev.outboxstock.problem;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Answers a request whose declared body is larger than {@code problem.max-body-size} (64K by default) with a 413
 * problem before reading it. Set {@code quarkus.http.limits.max-body-size} higher: that is where the HTTP server
 * itself cuts off bodies of undeclared length, with a bare 413, and it checks declared lengths before this does.
 *
 * <p>The answer carries {@code Connection: close}: the unread body still occupies the connection, so the server
 * closes it, and a client must not put it back in its pool for its next request.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final MemorySize maxBodySize;

    public BodySizeLimit(@ConfigProperty(name = "problem.max-body-size", defaultValue = "64K") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> rejectLargeBodies(ResteasyReactiveContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !length.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        long limit = maxBodySize.asLongValue();
        if (length.length() < 19 && Long.parseLong(length) <= limit) {
            return Optional.empty();
        }
        Response tooLarge = Problem.of(
                        Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(),
                        "Request body too large",
                        "The body may have at most " + limit + " bytes")
                .toResponse()
                .toResponse();
        tooLarge.getHeaders().putSingle("Connection", "close");
        return Optional.of(tooLarge);
    }
}
