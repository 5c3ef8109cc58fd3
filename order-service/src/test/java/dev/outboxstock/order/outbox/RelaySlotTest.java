package dev.outboxstock.order.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.localstack.testing.LostSlots;
import dev.outboxstock.order.CustomerOrders;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.OrdersDatabase;
import dev.outboxstock.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An event reaches Kafka only through the relay's replication slot: while it is missing, or lost because it held
 * more WAL than {@code max_slot_wal_keep_size} allows, orders are refused with nothing written, and taken again as
 * soon as the slot is back.
 */
@QuarkusTest
@OrderTestResource
@TestProfile(RelaySlotTest.OwnSlot.class)
class RelaySlotTest {

    private static final String SLOT = "relay_slot_test";
    private static final String ORDER = "{\"lines\":[{\"productId\":\"hazelnut\",\"quantity\":1}]}";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectLocalStack
    LocalStack stack;

    @Test
    void ordersAreRefusedWhileTheRelaysSlotIsMissingOrLostAndTakenWhenItIsBack() {
        OrdersDatabase database = new OrdersDatabase(stack);
        awaitRefusal("MISSING");

        createSlot(database);
        awaitOrdersTaken();

        LostSlots.invalidate(database, SLOT);
        awaitRefusal("LOST");
        assertThat(given().get("/q/metrics").then().extract().asString())
                .contains("outbox_slot{slot=\"" + SLOT + "\",state=\"LOST\"} 1.0");

        database.execute("SELECT pg_drop_replication_slot('" + SLOT + "')");
        createSlot(database);
        awaitOrdersTaken();
    }

    private void awaitRefusal(String slotState) {
        await().atMost(TIMEOUT)
                .untilAsserted(() -> given().get("/q/health/ready")
                        .then()
                        .statusCode(503)
                        .body("checks.find { it.name == 'outbox' }.data.slotState", equalTo(slotState)));
        long rowsBefore = new OrdersDatabase(stack).rowsInAllTables();
        CustomerOrders.post(ORDER)
                .statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "5")
                .body("detail", containsString(SLOT + " is " + slotState));
        assertThat(new OrdersDatabase(stack).rowsInAllTables()).isEqualTo(rowsBefore);
    }

    private static void awaitOrdersTaken() {
        await().atMost(TIMEOUT)
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        CustomerOrders.post(ORDER).statusCode(201);
    }

    private static void createSlot(OrdersDatabase database) {
        database.execute("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");
    }

    public static class OwnSlot implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outbox.slot", SLOT);
        }
    }
}
