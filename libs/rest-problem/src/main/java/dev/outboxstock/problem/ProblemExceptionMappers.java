package dev.outboxstock.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
        return new Problem(
                        "about:blank",
                        "Invalid request",
                        Response.Status.BAD_REQUEST.getStatusCode(),
                        "The request has invalid fields",
                        violations)
                .toResponse();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> malformed(JsonParseException exception) {
        return unreadable(exception);
    }

    /** Also a type that does not fit, such as text for a number, or a field the API does not know. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatched(MismatchedInputException exception) {
        return unreadable(exception);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadable(JacksonException exception) {
        return Problem.of(
                        Response.Status.BAD_REQUEST.getStatusCode(),
                        "Unreadable request body",
                        exception.getOriginalMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        return Problem.of(status.getStatusCode(), status.getReasonPhrase(), exception.getMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(RuntimeException exception) {
        if (DatabaseOutage.caused(exception)) {
            LOG.warnf("Database unavailable: %s", exception.getMessage());
            return Problem.of(
                            Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                            "Database unavailable",
                            "The request was not carried out; try again later")
                    .toResponse(DatabaseOutage.RETRY_AFTER);
        }
        LOG.error("Unexpected error", exception);
        return Problem.of(
                        Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(),
                        "Internal error",
                        "The request could not be completed")
                .toResponse();
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
