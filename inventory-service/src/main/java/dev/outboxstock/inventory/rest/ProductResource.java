package dev.outboxstock.inventory.rest;

import dev.outboxstock.contract.ProductIdFormat;
import dev.outboxstock.inventory.mapping.ProductMapper;
import dev.outboxstock.inventory.service.StockService;
import dev.outboxstock.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

@Path("/products")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ProductResource {

    private final StockService stockService;

    public ProductResource(StockService stockService) {
        this.stockService = stockService;
    }

    @GET
    @Path("/{id}")
    public ProductResponse getProduct(@RestPath String id) {
        return stockService
                .findProduct(id)
                .map(ProductMapper::toResponse)
                .orElseThrow(() -> new NotFoundException("No product " + id));
    }

    /** Sets the available units of a product, creating it if it is new. */
    @PUT
    @Path("/{id}/stock")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProductResponse setStock(
            @RestPath @Pattern(regexp = ProductIdFormat.PATTERN, message = ProductIdFormat.MESSAGE) String id,
            @NotNull(message = "a request body is required") @Valid StockLevelRequest request) {
        return ProductMapper.toResponse(stockService.setAvailable(id, request.available()));
    }
}
