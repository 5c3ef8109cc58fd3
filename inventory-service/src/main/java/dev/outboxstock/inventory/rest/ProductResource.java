package dev.outboxstock.inventory.rest;

import dev.outboxstock.contract.ProductIdFormat;
import dev.outboxstock.inventory.mapping.MovementMapper;
import dev.outboxstock.inventory.mapping.ProductMapper;
import dev.outboxstock.inventory.service.StockService;
import dev.outboxstock.problem.Problem;
import dev.outboxstock.problem.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/products")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ProductResource {

    static final int MAX_PAGE_SIZE = 500;

    private final StockService stockService;

    public ProductResource(StockService stockService) {
        this.stockService = stockService;
    }

    /** Products ordered by id, a page at a time. */
    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.STOCK_ADMIN, Roles.OPERATOR})
    public List<ProductResponse> listProducts(
            @RestQuery @DefaultValue("0") @Min(value = 0, message = "page must not be negative") int page,
            @RestQuery
                    @DefaultValue("50")
                    @Min(value = 1, message = "size must be at least {value}")
                    @Max(value = MAX_PAGE_SIZE, message = "size must be at most {value}")
                    int size) {
        return stockService.listProducts(page, size).stream()
                .map(ProductMapper::toResponse)
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.STOCK_ADMIN, Roles.OPERATOR})
    public ProductResponse getProduct(
            @RestPath @Pattern(regexp = ProductIdFormat.PATTERN, message = ProductIdFormat.MESSAGE) String id) {
        return stockService
                .findProduct(id)
                .map(ProductMapper::toResponse)
                .orElseThrow(() -> new NotFoundException("No product " + id));
    }

    /** The product's stock history, newest first, a page at a time: each change, applied or rejected, and why. */
    @GET
    @Path("/{id}/movements")
    @RolesAllowed({Roles.STOCK_ADMIN, Roles.OPERATOR})
    public List<MovementResponse> listMovements(
            @RestPath @Pattern(regexp = ProductIdFormat.PATTERN, message = ProductIdFormat.MESSAGE) String id,
            @RestQuery @DefaultValue("0") @Min(value = 0, message = "page must not be negative") int page,
            @RestQuery
                    @DefaultValue("50")
                    @Min(value = 1, message = "size must be at least {value}")
                    @Max(value = MAX_PAGE_SIZE, message = "size must be at most {value}")
                    int size) {
        return stockService
                .movementsOf(id, page, size)
                .map(movements ->
                        movements.stream().map(MovementMapper::toResponse).toList())
                .orElseThrow(() -> new NotFoundException("No product " + id));
    }

    /** Sets the available units of a product, creating it if it is new. */
    @PUT
    @Path("/{id}/stock")
    @RolesAllowed(Roles.STOCK_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public ProductResponse setStock(
            @RestPath @Pattern(regexp = ProductIdFormat.PATTERN, message = ProductIdFormat.MESSAGE) String id,
            @NotNull(message = "a request body is required") @Valid StockLevelRequest request) {
        return ProductMapper.toResponse(stockService.setAvailable(id, request.available()));
    }
}
