package dev.outboxstock.order.rest;

import dev.outboxstock.order.domain.IllegalTransitionException;
import dev.outboxstock.order.service.IdempotencyKeyReusedException;
import dev.outboxstock.order.service.SoldOutException;
import dev.outboxstock.outbox.OutboxNotReadyException;
import dev.outboxstock.problem.Problem;
import java.time.Duration;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem details for what order-service itself refuses. */
public class OrderProblemMappers {

    /** The problem type of an order refused at the door ({@link Problem#TYPE_PREFIX} and this). */
    public static final String SOLD_OUT = "sold-out";

    @ServerExceptionMapper
    public RestResponse<Problem> illegalTransition(IllegalTransitionException exception) {
        return Problem.of(RestResponse.StatusCode.CONFLICT, "Not possible in the order's state", exception.getMessage())
                .toResponse();
    }

    /** The products are named in {@code productIds}: the client can drop those lines and try again. */
    @ServerExceptionMapper
    public RestResponse<Problem> soldOut(SoldOutException exception) {
        return Problem.ofType(
                        SOLD_OUT,
                        RestResponse.StatusCode.CONFLICT,
                        "Sold out",
                        exception.getMessage(),
                        Map.of("productIds", exception.productIds()))
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
