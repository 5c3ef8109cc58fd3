package dev.outboxstock.order.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.DecodingSlot;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.order.CustomerOrders;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.OrdersDatabase;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code outbox_republish(since)}, the documented recovery after a lost slot: every event written since then is
 * inserted again, with its own id and write time, so the relay sees it as new; older ones are left alone.
 */
@QuarkusTest
@OrderTestResource
class OutboxRepublishTest {

    private static final String SLOT = "republish_test";

    @InjectLocalStack
    LocalStack stack;

    @Test
    void publishesAgainEveryEventWrittenSinceThePointInTimeWithItsOwnId() {
        OrdersDatabase database = new OrdersDatabase(stack);
        String before = placeOrder("almond");
        Timestamp since =
                (Timestamp) database.query("SELECT clock_timestamp()").get(0).get(0);
        String after = placeOrder("cashew");
        List<Object> rowBefore = outboxRowOf(database, after);
        try (DecodingSlot slot = DecodingSlot.create(database, SLOT)) {
            long republished = database.number("SELECT outbox_republish(?)", since);

            List<String> inserted = slot.outboxChanges().stream()
                    .filter(change -> change.startsWith("table public.outbox_event: INSERT:"))
                    .toList();
            assertThat(republished).isEqualTo(1);
            assertThat(inserted)
                    .singleElement()
                    .asString()
                    .contains(rowBefore.get(0).toString(), after);
            assertThat(outboxRowOf(database, after))
                    .as("the same id and write time")
                    .isEqualTo(rowBefore);
            assertThat(inserted.get(0)).doesNotContain(before);
        }
    }

    private static String placeOrder(String product) {
        return CustomerOrders.place(CustomerOrders.body(CustomerOrders.line(product, 1)));
    }

    private static List<Object> outboxRowOf(OrdersDatabase database, String order) {
        return database.query("SELECT id, created_at FROM outbox_event WHERE payload ->> 'orderId' = ?", order)
                .get(0);
    }
}
