package dev.outboxstock.inventory.rest;

import static dev.outboxstock.inventory.ProductApi.readProduct;
import static dev.outboxstock.inventory.ProductApi.setStock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.outboxstock.contract.testing.OpenApiLint;
import dev.outboxstock.inventory.InventoryTestResource;
import dev.outboxstock.problem.Problem;
import dev.outboxstock.problem.Roles;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@InventoryTestResource
class ProductResourceTest {

    @Test
    void setsAndShowsStockCountingEveryChangeInTheVersion() {
        String product = "pr-" + UUID.randomUUID();
        setStock(product, 7).statusCode(200).body("available", equalTo(7)).body("version", equalTo(0));
        setStock(product, 3).statusCode(200).body("version", equalTo(1));

        readProduct(product).statusCode(200).body("id", equalTo(product)).body("available", equalTo(3));
    }

    @Test
    void rejectsNegativeStockWithProblemDetails() {
        setStock("pr-negative", -1)
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("available"));
        readProduct("pr-negative").statusCode(404);
    }

    @Test
    void refusesAProductIdOutsideTheFormatBeforeItReachesTheDatabase() {
        // A NUL byte, found by the reliability suite's fuzzing: PostgreSQL refuses it in a text parameter.
        readProduct("\u0000").statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void answersAnUnknownProductWithNotFoundProblem() {
        readProduct("pr-unknown")
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));
    }

    @Test
    void itsOpenApiDocumentDeclaresEachOperationsRolesAndPassesTheLint() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/products/{id}/stock'.put.security[0].bearer", contains(Roles.STOCK_ADMIN))
                .body(
                        "paths.'/products/{id}/movements'.get.security[0].bearer",
                        containsInAnyOrder(Roles.STOCK_ADMIN, Roles.OPERATOR))
                .body(
                        "paths.'/products/{id}'.get.security[0].bearer",
                        containsInAnyOrder(Roles.CUSTOMER, Roles.STOCK_ADMIN, Roles.OPERATOR))
                .body("components.schemas.Problem.properties.keySet()", hasItems("title", "status", "detail"));

        String document = given().accept("application/json").get("/q/openapi").asString();
        assertThat(OpenApiLint.servedViolations(document)).isEmpty();
    }
}
