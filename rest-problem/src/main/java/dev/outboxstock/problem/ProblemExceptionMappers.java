package dev.outboxstock.problem;

import com.fasterxml.jackson.core.JacksonException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers every error with {@code application/problem+json}, never with a stack trace. */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> invalid(ConstraintViolationException exception) {
        List<Problem.Violation> violations = exception.getConstraintViolations().stream()
                .map(violation -> new Problem.Violation(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(new Problem(
                "about:blank",
                "Invalid request",
                Response.Status.BAD_REQUEST.getStatusCode(),
                "The request has invalid fields",
                violations));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadable(JacksonException exception) {
        return respond(Problem.of(
                Response.Status.BAD_REQUEST.getStatusCode(),
                "Unreadable request body",
                exception.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), exception.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(RuntimeException exception) {
        LOG.error("Unexpected error", exception);
        return respond(Problem.of(
                Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(),
                "Internal error",
                "The request could not be completed"));
    }

    static RestResponse<Problem> respond(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status())
                .entity(problem)
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    /** The invalid field's path inside the request, such as {@code lines[0].quantity}. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        // A method-validation path starts with the method and parameter names: placeOrder.request.lines[0].quantity
        int prefix = (int) StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .takeWhile(node -> node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER)
                .count();
        String[] segments = violation.getPropertyPath().toString().split("\\.", prefix + 1);
        return segments[Math.min(prefix, segments.length - 1)];
    }
}
