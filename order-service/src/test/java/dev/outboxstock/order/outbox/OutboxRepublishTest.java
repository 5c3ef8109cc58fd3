package dev.outboxstock.order.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.DecodingSlot;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.order.CustomerOrders;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.OrdersDatabase;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code outbox_republish(since)}, the documented recovery after a lost slot: every event written since then is
 * inserted again, with its own id and write time, in commit order, so the relay sees it as new; older ones are left
 * alone.
 */
@QuarkusTest
@OrderTestResource
class OutboxRepublishTest {

    private static final String SLOT = "republish_test";
    private static final Pattern EVENT_ID = Pattern.compile("id\\[uuid\\]:'([0-9a-f-]{36})'");

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

    /**
     * Transactions that overlapped publish again in the order they committed, which is the order the relay had
     * published them in: not the order they started in (an event's created_at), nor the order they inserted in.
     */
    @Test
    void publishesAgainInCommitOrder() throws SQLException {
        OrdersDatabase database = new OrdersDatabase(stack);
        String product = "republish-" + UUID.randomUUID();
        Timestamp since =
                (Timestamp) database.query("SELECT clock_timestamp()").get(0).get(0);
        List<String> inCommitOrder = new ArrayList<>();
        try (Connection first = transaction();
                Connection second = transaction()) {
            // Started first, committed last: the second inserts and commits while the first is still open.
            begin(first);
            begin(second);
            String secondEvent = insertEvent(second, product);
            second.commit();
            String firstEvent = insertEvent(first, product);
            first.commit();
            inCommitOrder.addAll(List.of(secondEvent, firstEvent));

            // Started and inserted first, committed last.
            begin(first);
            String insertedFirst = insertEvent(first, product);
            begin(second);
            String insertedSecond = insertEvent(second, product);
            second.commit();
            first.commit();
            inCommitOrder.addAll(List.of(insertedSecond, insertedFirst));
        }

        try (DecodingSlot slot = DecodingSlot.create(database, SLOT)) {
            database.number("SELECT outbox_republish(?)", since);

            List<String> republished = slot.outboxChanges().stream()
                    .filter(change ->
                            change.startsWith("table public.outbox_event: INSERT:") && change.contains(product))
                    .map(OutboxRepublishTest::eventId)
                    .toList();
            assertThat(republished).isEqualTo(inCommitOrder);
        }
    }

    private Connection transaction() throws SQLException {
        Connection connection = stack.postgres().orElseThrow().connect(OrdersDatabase.NAME);
        connection.setAutoCommit(false);
        return connection;
    }

    /** Starts the connection's transaction: now(), its events' created_at, is taken at its first statement. */
    private static void begin(Connection transaction) throws SQLException {
        try (Statement statement = transaction.createStatement()) {
            statement.execute("SELECT now()");
        }
    }

    private static String insertEvent(Connection transaction, String product) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert =
                transaction.prepareStatement("INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload)"
                        + " VALUES (?::uuid, 'stock', ?, 'StockDecreaseRequested', '{}')")) {
            insert.setString(1, id);
            insert.setString(2, product);
            insert.executeUpdate();
        }
        return id;
    }

    private static String eventId(String insert) {
        Matcher id = EVENT_ID.matcher(insert);
        assertThat(id.find()).as("an event id in %s", insert).isTrue();
        return id.group(1);
    }

    private static String placeOrder(String product) {
        return CustomerOrders.place(CustomerOrders.body(CustomerOrders.line(product, 1)));
    }

    private static List<Object> outboxRowOf(OrdersDatabase database, String order) {
        return database.query("SELECT id, created_at FROM outbox_event WHERE payload ->> 'orderId' = ?", order)
                .get(0);
    }
}
