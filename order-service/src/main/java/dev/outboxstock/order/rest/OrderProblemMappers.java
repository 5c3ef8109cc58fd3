package dev.outboxstock.order.rest;

import dev.outboxstock.order.domain.IllegalTransitionException;
import dev.outboxstock.order.service.IdempotencyKeyReusedException;
import dev.outboxstock.outbox.OutboxNotReadyException;
import dev.outboxstock.problem.Problem;
import java.time.Duration;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem details for what order-service itself refuses. */
public class OrderProblemMappers {

    @ServerExceptionMapper
    public RestResponse<Problem> illegalTransition(IllegalTransitionException exception) {
        return Problem.of(RestResponse.StatusCode.CONFLICT, "Not possible in the order's state", exception.getMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> keyReused(IdempotencyKeyReusedException exception) {
        return Problem.of(422, "Idempotency-Key reused", exception.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> outboxNotReady(OutboxNotReadyException exception) {
        return Problem.of(
                        RestResponse.StatusCode.SERVICE_UNAVAILABLE, "Not ready to take orders", exception.getMessage())
                .toResponse(Duration.ofSeconds(5));
    }
}
