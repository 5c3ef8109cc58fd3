package dev.outboxstock.inventory.rest;

import dev.outboxstock.contract.ProductIdFormat;
import dev.outboxstock.inventory.mapping.MovementMapper;
import dev.outboxstock.inventory.mapping.ProductMapper;
import dev.outboxstock.inventory.service.StockService;
import dev.outboxstock.problem.PageRequest;
import dev.outboxstock.problem.PageSizeAtMost;
import dev.outboxstock.problem.Problem;
import dev.outboxstock.problem.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;

@Path("/products")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ProductResource {

    static final int DEFAULT_PAGE_SIZE = 50;

    static final int MAX_PAGE_SIZE = 500;

    private final StockService stockService;

    public ProductResource(StockService stockService) {
        this.stockService = stockService;
    }

    /** Products ordered by id, a page at a time. */
    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.STOCK_ADMIN, Roles.OPERATOR})
    public List<ProductResponse> listProducts(@BeanParam @Valid @PageSizeAtMost(MAX_PAGE_SIZE) PageRequest paging) {
        return stockService.listProducts(paging.page(), paging.sizeOr(DEFAULT_PAGE_SIZE)).stream()
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
            @BeanParam @Valid @PageSizeAtMost(MAX_PAGE_SIZE) PageRequest paging) {
        return stockService
                .movementsOf(id, paging.page(), paging.sizeOr(DEFAULT_PAGE_SIZE))
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
