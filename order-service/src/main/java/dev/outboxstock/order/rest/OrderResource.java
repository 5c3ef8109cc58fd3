package dev.outboxstock.order.rest;

import dev.outboxstock.order.domain.CustomerOrder;
import dev.outboxstock.order.mapping.OrderMapper;
import dev.outboxstock.order.service.OrderService;
import dev.outboxstock.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/orders")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class OrderResource {

    private final OrderService orderService;

    public OrderResource(OrderService orderService) {
        this.orderService = orderService;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<OrderResponse> placeOrder(
            @NotNull(message = "a request body is required") @Valid PlaceOrderRequest request, UriInfo uriInfo) {
        CustomerOrder order = orderService.placeOrder(request.lines().stream()
                .map(OrderLineRequest::toProductQuantity)
                .toList());
        return RestResponse.ResponseBuilder.<OrderResponse>created(uriInfo.getAbsolutePathBuilder()
                        .path(order.id().toString())
                        .build())
                .entity(OrderMapper.toResponse(order))
                .build();
    }

    @GET
    @Path("/{id}")
    public OrderResponse getOrder(@RestPath UUID id) {
        return orderService
                .findOrder(id)
                .map(OrderMapper::toResponse)
                .orElseThrow(() -> new NotFoundException("No order " + id));
    }
}
