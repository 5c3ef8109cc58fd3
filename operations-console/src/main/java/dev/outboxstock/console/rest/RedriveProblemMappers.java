package dev.outboxstock.console.rest;

import dev.outboxstock.console.kafka.KafkaUnavailableException;
import dev.outboxstock.console.service.NoDeadLetterMatchesException;
import dev.outboxstock.console.service.UnnarrowedBulkActionException;
import dev.outboxstock.console.service.UnroutableDeadLetterException;
import dev.outboxstock.problem.Problem;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The redrive's own refusals as problem details; nothing was changed by any of them. */
public class RedriveProblemMappers {

    private static final Logger LOG = Logger.getLogger(RedriveProblemMappers.class);
    private static final int UNPROCESSABLE = 422;

    @ServerExceptionMapper
    public RestResponse<Problem> unroutable(UnroutableDeadLetterException exception) {
        return Problem.of(UNPROCESSABLE, "Dead letter cannot be routed", "Not replayed: " + exception.getMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> noMatch(NoDeadLetterMatchesException exception) {
        return Problem.of(UNPROCESSABLE, "No dead letter matches", exception.getMessage())
                .toResponse();
    }

    /** Answered as the request's invalid field, as the other invalid fields of a bulk request are. */
    @ServerExceptionMapper
    public RestResponse<Problem> unnarrowed(UnnarrowedBulkActionException exception) {
        return new Problem(
                        "about:blank",
                        "Invalid request",
                        400,
                        "The request has invalid fields",
                        List.of(new Problem.Violation("narrowed", exception.getMessage())))
                .toResponse();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> kafkaUnavailable(KafkaUnavailableException exception) {
        LOG.warnf("Replay not done: %s", exception.getMessage());
        return Problem.of(503, "Kafka unavailable", "Nothing was marked replayed; try again later")
                .toResponse(Duration.ofSeconds(5));
    }
}
