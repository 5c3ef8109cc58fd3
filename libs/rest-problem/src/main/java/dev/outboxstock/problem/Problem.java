package dev.outboxstock.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * An RFC 7807 problem detail. {@code violations} lists the invalid fields of a rejected request.
 *
 * @param type a URI that names the kind of problem ({@code about:blank} when the status says it all)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }

    /** This problem as an HTTP answer: its status, {@code application/problem+json}. */
    public RestResponse<Problem> toResponse() {
        return RestResponse.ResponseBuilder.<Problem>create(status)
                .entity(this)
                .type(MEDIA_TYPE)
                .build();
    }

    /** This problem as an HTTP answer that tells the client when to try again ({@code Retry-After}, in seconds). */
    public RestResponse<Problem> toResponse(Duration retryAfter) {
        RestResponse<Problem> response = toResponse();
        response.getHeaders().putSingle("Retry-After", String.valueOf(retryAfter.toSeconds()));
        return response;
    }

    /** One invalid field: where it is in the request, and what is wrong with it. */
    public record Violation(String field, String message) {}
}
