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
        return Optional.of(Problem.of(
                        Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(),
                        "Request body too large",
                        "The body may have at most " + limit + " bytes")
                .toResponse()
                .toResponse());
    }
}
