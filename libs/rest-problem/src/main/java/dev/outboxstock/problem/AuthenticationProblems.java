package dev.outboxstock.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals of the caller, as problems like every other error, before the request is looked at: the answer says what
 * the caller lacks, never anything about the resource. Tokens are verified when an endpoint needs one (proactive
 * authentication is off), so the failures arrive here.
 */
public class AuthenticationProblems {

    /** No bearer token: the challenge names the scheme (RFC 6750). */
    @ServerExceptionMapper
    public RestResponse<Problem> unauthenticated(UnauthorizedException exception) {
        return challenge("Bearer", "A bearer token is required");
    }

    /** A token that is malformed, wrongly signed, expired, not yet valid, or of another issuer or audience. */
    @ServerExceptionMapper
    public RestResponse<Problem> invalidToken(AuthenticationFailedException exception) {
        return challenge("Bearer error=\"invalid_token\"", "The bearer token is not valid");
    }

    /** A valid token without a role the endpoint allows. */
    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException exception) {
        return Problem.of(
                        Response.Status.FORBIDDEN.getStatusCode(),
                        "Forbidden",
                        "The token's roles do not allow this request")
                .toResponse();
    }

    private static RestResponse<Problem> challenge(String challenge, String detail) {
        RestResponse<Problem> refused = Problem.of(Response.Status.UNAUTHORIZED.getStatusCode(), "Unauthorized", detail)
                .toResponse();
        refused.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return refused;
    }
}
