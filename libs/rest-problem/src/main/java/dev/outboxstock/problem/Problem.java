package dev.outboxstock.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * An RFC 7807 problem detail. {@code violations} lists the invalid fields of a rejected request.
 *
 * @param type a URI that names the kind of problem ({@code about:blank} when the status says it all)
 * @param extensions more members of a problem of its own type (RFC 7807 section 3.2), serialised beside the others
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        List<Violation> violations,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Where the types of this system's own problems live: a type is this prefix and a name, e.g. {@code sold-out}. */
    public static final String TYPE_PREFIX = "/problems/";

    public Problem {
        extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public Problem(String type, String title, int status, String detail, List<Violation> violations) {
        this(type, title, status, detail, violations, Map.of());
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }

    /**
     * A problem of a type of this system's ({@link #TYPE_PREFIX} and {@code name}, a URI reference relative to the
     * service), with its extension members: a client tells it apart by its type, not by its words.
     */
    public static Problem ofType(String name, int status, String title, String detail, Map<String, Object> extensions) {
        return new Problem(TYPE_PREFIX + name, title, status, detail, List.of(), extensions);
    }

    /** The extension members, serialised as members of the problem itself. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
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
