package dev.outboxstock.order.rest;

import dev.outboxstock.order.domain.OrderStatus;
import dev.outboxstock.order.mapping.OrderMapper;
import dev.outboxstock.order.repository.OrderSelection;
import dev.outboxstock.order.service.Caller;
import dev.outboxstock.order.service.OrderService;
import dev.outboxstock.order.service.PlaceOrderCommand;
import dev.outboxstock.order.service.PlacedOrder;
import dev.outboxstock.problem.Problem;
import dev.outboxstock.problem.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
    static final int MAX_BUCKETS = 1000;

    private final OrderService orderService;
    private final JsonWebToken token;

    public OrderResource(OrderService orderService, JsonWebToken token) {
        this.orderService = orderService;
        this.token = token;
    }

    /** The caller of the current request, from its verified token. */
    private Caller caller() {
        return new Caller(token.getSubject(), token.getGroups().contains(Roles.OPERATOR));
    }

    /**
     * Places an order. With an {@code Idempotency-Key}, a retry of the same request gets the same order back (201,
     * header {@code Idempotent-Replayed: true}), never a second one; the key reused for another request is a 422. A
     * line for more units than inventory's published level of its product is a 409 sold-out problem, before anything
     * is written ({@code SoldOutCheck}).
     */
    @POST
    @RolesAllowed(Roles.CUSTOMER)
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
            responseCode = "409",
            description = "Sold out: the stock levels inventory published show fewer units than a line asks (type"
                    + " ending in /sold-out; productIds lists those products). Nothing was written; a retry of a"
                    + " request whose order was placed before gets that order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
                token.getSubject(),
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
    @RolesAllowed({Roles.CUSTOMER, Roles.OPERATOR})
    public OrderResponse getOrder(@RestPath UUID id) {
        return orderService
                .findOrder(id, caller())
                .map(OrderMapper::toResponse)
                .orElseThrow(() -> new NotFoundException("No order " + id));
    }

    /**
     * Orders, newest first, a page at a time, optionally only those with one status, or placed before a time (the
     * operators' "pending for longer than ..." list).
     */
    @GET
    @RolesAllowed(Roles.OPERATOR)
    public OrderPageResponse listOrders(
            @RestQuery
                    @Pattern(
                            regexp = "PENDING|CONFIRMED|REJECTED|CANCELLED",
                            message = "status must be PENDING, CONFIRMED, REJECTED or CANCELLED")
                    String status,
            @RestQuery String createdBefore,
            @RestQuery @DefaultValue("0") @Min(value = 0, message = "page must not be negative") int page,
            @RestQuery
                    @DefaultValue("20")
                    @Min(value = 1, message = "size must be at least {value}")
                    @Max(value = MAX_PAGE_SIZE, message = "size must be at most {value}")
                    int size) {
        OrderSelection selection = new OrderSelection(
                Optional.ofNullable(status).map(OrderStatus::valueOf),
                Optional.ofNullable(createdBefore).map(value -> instant("createdBefore", value)));
        return OrderMapper.toResponse(orderService.listOrders(selection, page, size), page, size);
    }

    /**
     * Orders placed since {@code since}, counted per {@code bucket} (an ISO-8601 duration of at least a second) by
     * their status now; at most {@value #MAX_BUCKETS} buckets up to now.
     */
    @GET
    @Path("/timeline")
    @RolesAllowed(Roles.OPERATOR)
    public OrderTimelineResponse timeline(
            @RestQuery @NotNull(message = "since is required") String since,
            @RestQuery @DefaultValue("PT1M") String bucket) {
        Instant from = instant("since", since);
        Duration width = duration("bucket", bucket);
        if (width.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new BadRequestException("bucket must be at least PT1S");
        }
        long buckets = Duration.between(from, Instant.now()).dividedBy(width) + 1;
        if (buckets > MAX_BUCKETS) {
            throw new BadRequestException("since and bucket make " + buckets + " buckets; at most " + MAX_BUCKETS);
        }
        return OrderMapper.toTimeline(from, width, orderService.timeline(from, width));
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an instant such as 2026-11-30T10:15:30Z");
        }
    }

    private static Duration duration(String name, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 duration such as PT1M");
        }
    }

    /** Cancels an order that is neither confirmed nor rejected yet (409 otherwise) and gives its stock back. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.CUSTOMER)
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
                .cancel(id, caller())
                .map(OrderMapper::toResponse)
                .orElseThrow(() -> new NotFoundException("No order " + id));
    }
}
