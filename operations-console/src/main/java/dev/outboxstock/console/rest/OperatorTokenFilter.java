package dev.outboxstock.console.rest;

import dev.outboxstock.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request to an {@link OperatorOnly} endpoint without {@code Authorization: Bearer <operator token>}, before
 * anything else about it is looked at: an unauthenticated caller learns nothing, not even whether its input is valid.
 */
public class OperatorTokenFilter {

    private final OperatorToken token;

    public OperatorTokenFilter(OperatorToken token) {
        this.token = token;
    }

    @OperatorOnly
    @ServerRequestFilter
    public Optional<RestResponse<Problem>> requireToken(ContainerRequestContext request) {
        if (token.matchesBearer(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return Optional.empty();
        }
        RestResponse<Problem> refused = Problem.of(
                        Response.Status.UNAUTHORIZED.getStatusCode(),
                        "Operator token required",
                        "Changes need the header Authorization: Bearer <operator token>")
                .toResponse();
        refused.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return Optional.of(refused);
    }
}
