package dev.outboxstock.order.rest;

import dev.outboxstock.order.domain.OrderStatus;
import dev.outboxstock.order.mapping.OrderMapper;
import dev.outboxstock.order.service.OrderService;
import dev.outboxstock.order.service.PlaceOrderCommand;
import dev.outboxstock.order.service.PlacedOrder;
import dev.outboxstock.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/orders")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class OrderResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set on the answer to a retried request: the order is the one the first request placed. */
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    static final int MAX_PAGE_SIZE = 100;

    private final OrderService orderService;

    public OrderResource(OrderService orderService) {
        this.orderService = orderService;
    }

    /**
     * Places an order. With an {@code Idempotency-Key}, a retry of the same request gets the same order back (201,
     * header {@code Idempotent-Replayed: true}), never a second one; the key reused for another request is a 422.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    // Declaring an operation's own answers replaces the one SmallRye would derive: the success is declared too.
    @APIResponse(
            responseCode = "201",
            description = "The order, PENDING; with a replayed Idempotency-Key, the order placed first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(
            responseCode = "422",
            description = "The Idempotency-Key was used before for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<OrderResponse> placeOrder(
            @NotNull(message = "a request body is required") @Valid PlaceOrderRequest request,
            @RestHeader(IDEMPOTENCY_KEY)
                    @Size(min = 1, max = 128, message = "Idempotency-Key must be 1 to 128 characters")
                    @Pattern(regexp = "[\\x21-\\x7e]*", message = "Idempotency-Key must be printable ASCII")
                    String idempotencyKey,
            UriInfo uriInfo) {
        PlacedOrder placed = orderService.placeOrder(new PlaceOrderCommand(
                request.lines().stream()
                        .map(OrderLineRequest::toProductQuantity)
                        .toList(),
                Optional.ofNullable(idempotencyKey)));
        RestResponse.ResponseBuilder<OrderResponse> response = RestResponse.ResponseBuilder.<OrderResponse>created(
                        uriInfo.getAbsolutePathBuilder()
                                .path(placed.order().id().toString())
                                .build())
                .entity(OrderMapper.toResponse(placed.order()));
        if (placed.replayed()) {
            response.header(IDEMPOTENT_REPLAYED, "true");
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    public OrderResponse getOrder(@RestPath UUID id) {
        return orderService
                .findOrder(id)
                .map(OrderMapper::toResponse)
                .orElseThrow(() -> new NotFoundException("No order " + id));
    }

    /** Orders, newest first, a page at a time, optionally only those with one status. */
    @GET
    public OrderPageResponse listOrders(
            @RestQuery
                    @Pattern(
                            regexp = "PENDING|CONFIRMED|REJECTED|CANCELLED",
                            message = "status must be PENDING, CONFIRMED, REJECTED or CANCELLED")
                    String status,
            @RestQuery @DefaultValue("0") @Min(value = 0, message = "page must not be negative") int page,
            @RestQuery
                    @DefaultValue("20")
                    @Min(value = 1, message = "size must be at least {value}")
                    @Max(value = MAX_PAGE_SIZE, message = "size must be at most {value}")
                    int size) {
        return OrderMapper.toResponse(
                orderService.listOrders(Optional.ofNullable(status).map(OrderStatus::valueOf), page, size), page, size);
    }

    /** Cancels an order that is neither confirmed nor rejected yet (409 otherwise) and gives its stock back. */
    @POST
    @Path("/{id}/cancel")
    @APIResponse(
            responseCode = "200",
            description = "The order, CANCELLED",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "The order is CONFIRMED or REJECTED: too late to cancel",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrderResponse cancel(@RestPath UUID id) {
        return orderService
                .cancel(id)
                .map(OrderMapper::toResponse)
                .orElseThrow(() -> new NotFoundException("No order " + id));
    }
}
