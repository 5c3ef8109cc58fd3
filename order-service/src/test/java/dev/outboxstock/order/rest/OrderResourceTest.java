package dev.outboxstock.order.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.localstack.testing.LocalStackTestResource;
import dev.outboxstock.problem.Problem;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = LocalStackTestResource.class,
        initArgs = {
            @ResourceArg(name = LocalStackTestResource.DATABASES, value = "orders"),
            @ResourceArg(name = LocalStackTestResource.KAFKA, value = "false")
        })
class OrderResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectLocalStack
    LocalStack stack;

    @Test
    void placesAnOrderWithOneOutboxRowPerLineInTheSameTransaction() throws Exception {
        String order = given().contentType(ContentType.JSON)
                .body("{\"lines\":[{\"productId\":\"apple\",\"quantity\":2},{\"productId\":\"pear\",\"quantity\":5}]}")
                .when()
                .post("/orders")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/orders/[0-9a-f-]{36}"))
                .body("status", equalTo("PENDING"))
                .body("lines", hasSize(2))
                .extract()
                .path("id");
        UUID orderId = UUID.fromString(order);

        List<JsonNode> outbox = outboxPayloadsOf(orderId);
        assertThat(outbox).hasSize(2);
        assertThat(outbox)
                .extracting(row -> row.get("aggregateid").asText() + ":"
                        + row.get("payload").get("quantity").asInt())
                .containsExactlyInAnyOrder("apple:2", "pear:5");
        assertThat(outbox).allSatisfy(row -> {
            assertThat(row.get("aggregatetype").asText()).isEqualTo(StockTopic.AGGREGATE_TYPE);
            assertThat(row.get("type").asText()).isEqualTo(StockDecreaseRequested.TYPE);
            assertThat(row.get("payload").get("productId").asText())
                    .isEqualTo(row.get("aggregateid").asText());
        });

        given().when()
                .get("/orders/{id}", orderId)
                .then()
                .statusCode(200)
                .body("id", equalTo(order))
                .body("lines[0].productId", equalTo("apple"))
                .body("lines[1].quantity", equalTo(5));
    }

    @Test
    void rejectsAnInvalidOrderWithProblemDetailsAndWritesNothing() throws Exception {
        long ordersBefore = count("customer_order");
        long outboxBefore = count("outbox_event");

        given().contentType(ContentType.JSON)
                .body("{\"lines\":[{\"productId\":\"apple\",\"quantity\":0}]}")
                .when()
                .post("/orders")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("violations[0].field", equalTo("lines[0].quantity"));

        assertThat(count("customer_order")).isEqualTo(ordersBefore);
        assertThat(count("outbox_event")).isEqualTo(outboxBefore);
    }

    @Test
    void answersAnUnknownOrderWithNotFoundProblem() {
        given().when()
                .get("/orders/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));
    }

    private List<JsonNode> outboxPayloadsOf(UUID orderId) throws SQLException {
        List<JsonNode> rows = new ArrayList<>();
        try (Connection connection = stack.postgres().orElseThrow().connect("orders");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT json_build_object('aggregatetype', aggregatetype, 'aggregateid', aggregateid,"
                                + " 'type', type, 'payload', payload)::text FROM outbox_event"
                                + " WHERE payload ->> 'orderId' = ?")) {
            query.setString(1, orderId.toString());
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(JSON.readTree(result.getString(1)));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private long count(String table) throws SQLException {
        try (Connection connection = stack.postgres().orElseThrow().connect("orders");
                ResultSet result = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
