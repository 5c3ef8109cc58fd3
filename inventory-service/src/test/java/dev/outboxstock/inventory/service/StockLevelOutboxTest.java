package dev.outboxstock.inventory.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outboxstock.consumer.EventSource;
import dev.outboxstock.consumer.UnappliableEventException;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockLevel;
import dev.outboxstock.contract.StockLevelTopic;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.StockReplenished;
import dev.outboxstock.inventory.InventoryTestResource;
import dev.outboxstock.inventory.StockEventTestBase;
import dev.outboxstock.localstack.testing.DecodingSlot;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every committed change of a level writes the product's new level to the outbox in the change's own transaction
 * (the write-ahead log shows both under one transaction id), so the relay publishes a level exactly when the change
 * commits: an operator's level, and a batch's decreases, releases and replenishments (one level per product, the one
 * the batch left). A change rolled back, or refused, publishes nothing.
 */
@QuarkusTest
@InventoryTestResource
class StockLevelOutboxTest extends StockEventTestBase {

    private long offsets;

    @Test
    void anOperatorsLevelIsWrittenToTheOutboxInTheTransactionThatSetsIt() {
        String product = "level-" + UUID.randomUUID();
        List<Change> changes;
        try (DecodingSlot slot = DecodingSlot.create(database, "level_set")) {
            stockService.setAvailable(product, 7);
            changes = changes(slot);
        }

        Change productWrite = only(changes, "table public.product: INSERT:", product);
        Change level = only(changes, "table public.outbox_event: INSERT:", product);
        assertThat(level.transaction()).isEqualTo(productWrite.transaction());
        assertLevelRow(level, product, 7);
    }

    @Test
    void aBatchWritesEachChangedProductsFinalLevelWithItsChangesAndNothingForARefusal() {
        String sold = newProduct("level", 5);
        String refused = newProduct("level", 1);
        List<Change> changes;
        try (DecodingSlot slot = DecodingSlot.create(database, "level_batch")) {
            stockService.apply(List.of(
                    decrease(sold, 3),
                    change(new StockReleaseRequested(UUID.randomUUID(), sold, 1)),
                    change(new StockReplenished(sold, 10)),
                    decrease(sold, 2),
                    decrease(refused, 2)));
            changes = changes(slot);
        }

        Change productWrite = only(changes, "table public.product: UPDATE:", sold);
        List<Change> levels = changes.stream()
                .filter(change -> change.data().startsWith("table public.outbox_event: INSERT:"))
                .filter(change -> change.data().contains("'" + StockLevelTopic.AGGREGATE_TYPE + "'"))
                .toList();
        assertThat(levels).as("one level, of the product that changed").hasSize(1);
        assertThat(levels.get(0).transaction()).isEqualTo(productWrite.transaction());
        assertLevelRow(levels.get(0), sold, 5 - 3 + 1 + 10 - 2);
        assertThat(database.number(
                        "SELECT count(*) FROM outbox_event WHERE aggregatetype = ? AND aggregateid = ?",
                        StockLevelTopic.AGGREGATE_TYPE,
                        refused))
                .as("only the level the operator set: the refusal changed nothing")
                .isOne();
    }

    @Test
    void aBatchRolledBackPublishesNoLevel() {
        String full = newProduct("level", Integer.MAX_VALUE - 1);

        assertThatThrownBy(() -> stockService.apply(List.of(change(new StockReplenished(full, 5)))))
                .isInstanceOf(UnappliableEventException.class);

        assertThat(database.query(
                        "SELECT payload ->> 'available' FROM outbox_event WHERE aggregatetype = ? AND aggregateid = ?",
                        StockLevelTopic.AGGREGATE_TYPE,
                        full))
                .as("the operator's level only")
                .containsExactly(List.of(String.valueOf(Integer.MAX_VALUE - 1)));
    }

    private static void assertLevelRow(Change level, String product, int available) {
        assertThat(level.data())
                .contains("aggregatetype[character varying]:'" + StockLevelTopic.AGGREGATE_TYPE + "'")
                .contains("aggregateid[character varying]:'" + product + "'")
                .contains("'" + StockLevel.TYPE + "'")
                .contains("\"available\": " + available);
    }

    private static Change only(List<Change> changes, String prefix, String product) {
        List<Change> matching = changes.stream()
                .filter(change ->
                        change.data().startsWith(prefix) && change.data().contains(product))
                .toList();
        assertThat(matching).as(prefix + " " + product).hasSize(1);
        return matching.get(0);
    }

    /** Every change the slot saw, with the id of the transaction that made it. */
    private List<Change> changes(DecodingSlot slot) {
        return database
                .query("SELECT xid::text, data FROM pg_logical_slot_get_changes('" + slot.name() + "', NULL, NULL)")
                .stream()
                .map(row -> new Change((String) row.get(0), (String) row.get(1)))
                .toList();
    }

    private StockChange decrease(String product, int quantity) {
        return change(new StockDecreaseRequested(UUID.randomUUID(), product, quantity));
    }

    private StockChange change(Object event) {
        EventSource source = new EventSource(UUID.randomUUID(), 0, offsets++);
        if (event instanceof StockDecreaseRequested decrease) {
            return StockChange.of(source, decrease);
        }
        if (event instanceof StockReleaseRequested release) {
            return StockChange.of(source, release);
        }
        return StockChange.of(source, (StockReplenished) event);
    }

    private record Change(String transaction, String data) {}
}
