package dev.outboxstock.order.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.DecodingSlot;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.order.CustomerOrders;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.OrdersDatabase;
import dev.outboxstock.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With outbox rows deleted right after insert (an option), the table stays empty while the inserts still reach the
 * write-ahead log; and no row is written before the relay's replication slot exists to keep it.
 */
@QuarkusTest
@OrderTestResource
@TestProfile(DeleteAfterInsertTest.DeleteAfterInsert.class)
class DeleteAfterInsertTest {

    private static final String SLOT = "delete_after_insert_test";
    private static final String ORDER = "{\"lines\":[{\"productId\":\"walnut\",\"quantity\":3}]}";

    @InjectLocalStack
    LocalStack stack;

    @Test
    void refusesOrdersUntilASlotExistsThenLeavesTheInsertInTheLogAndTheTableEmpty() {
        OrdersDatabase database = new OrdersDatabase(stack);
        given().when().get("/q/health/ready").then().statusCode(503);
        CustomerOrders.post(ORDER)
                .statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "5");
        assertThat(database.rowsInAllTables()).isZero();

        try (DecodingSlot slot = DecodingSlot.create(database, SLOT)) {
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () -> given().when().get("/q/health/ready").then().statusCode(200));
            String order = CustomerOrders.place(ORDER);

            assertThat(database.number("SELECT count(*) FROM outbox_event")).isZero();
            List<String> changes = slot.outboxChanges();
            assertThat(changes).hasSize(2);
            assertThat(changes.get(0))
                    .startsWith("table public.outbox_event: INSERT:")
                    .contains(order, "walnut");
            assertThat(changes.get(1)).startsWith("table public.outbox_event: DELETE:");
        }
    }

    public static class DeleteAfterInsert implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outbox.delete-after-insert", "true", "outbox.slot", SLOT);
        }
    }
}
