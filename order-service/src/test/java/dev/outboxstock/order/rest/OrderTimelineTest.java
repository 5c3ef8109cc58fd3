package dev.outboxstock.order.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.order.CustomerOrders;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.OrdersDatabase;
import dev.outboxstock.problem.Problem;
import dev.outboxstock.token.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** What the operations console reads: orders over time by status, and orders pending since before a time. */
@QuarkusTest
@OrderTestResource
class OrderTimelineTest {

    @InjectLocalStack
    LocalStack stack;

    @Test
    void countsOrdersPerBucketByStatus() {
        Instant since = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
        String order = place();
        new OrdersDatabase(stack)
                .execute("UPDATE customer_order SET created_at = '" + since.plusSeconds(90) + "' WHERE id = '" + order
                        + "'");

        getAsOperator("/orders/timeline?since={since}&bucket=PT1M", since.toString())
                .statusCode(200)
                .body("since", equalTo(since.toString()))
                .body("bucket", equalTo("PT1M"))
                .body(
                        "points.find { it.start == '" + since.plusSeconds(60) + "' }.counts.PENDING",
                        greaterThanOrEqualTo(1));
    }

    @Test
    void listsOrdersPlacedBeforeATime() {
        String old = place();
        new OrdersDatabase(stack)
                .execute("UPDATE customer_order SET created_at = now() - interval '1 hour' WHERE id = '" + old + "'");
        String recent = place();
        String before = Instant.now().minus(30, ChronoUnit.MINUTES).toString();

        getAsOperator("/orders?status=PENDING&size=100&createdBefore={before}", before)
                .statusCode(200)
                .body("items.id", hasItem(old))
                .body("items.id", not(hasItem(recent)))
                .body("items.status", everyItem(equalTo("PENDING")));
    }

    @Test
    void refusesBadTimesAndTooManyBuckets() {
        getAsOperator("/orders/timeline").statusCode(400).contentType(Problem.MEDIA_TYPE);
        getAsOperator("/orders/timeline?since=yesterday")
                .statusCode(400)
                .body("detail", containsString("since must be an instant"));
        getAsOperator("/orders/timeline?since={since}&bucket=1m", Instant.now().toString())
                .statusCode(400)
                .body("detail", containsString("bucket"));
        getAsOperator(
                        "/orders/timeline?since={since}&bucket=PT0.5S",
                        Instant.now().toString())
                .statusCode(400);
        getAsOperator("/orders/timeline?since=2000-01-01T00:00:00Z&bucket=PT1S")
                .statusCode(400)
                .body("detail", containsString("buckets"));
        getAsOperator("/orders?createdBefore=soon").statusCode(400);
    }

    private static String place() {
        return CustomerOrders.place(CustomerOrders.body(CustomerOrders.line("timeline", 1)));
    }

    /** What the operations console is answered when it reads this path. */
    private static ValidatableResponse getAsOperator(String path, Object... pathParams) {
        return given().auth()
                .oauth2(TestTokens.operator())
                .get(path, pathParams)
                .then();
    }
}
