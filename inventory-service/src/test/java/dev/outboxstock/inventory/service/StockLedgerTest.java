package dev.outboxstock.inventory.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outboxstock.consumer.EventSource;
import dev.outboxstock.consumer.UnappliableEventException;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.StockReplenished;
import dev.outboxstock.inventory.repository.ProductRepository.LevelChange;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StockLedgerTest {

    private long offset;

    @Test
    void eachChangeSeesTheLevelTheChangesBeforeItLeftAndARefusalLeavesItAsItWas() {
        StockLedger ledger = new StockLedger(Map.of("apple", 3));

        assertThat(ledger.apply(decrease("apple", 2))).isEqualTo(StockResult.APPLIED);
        assertThat(ledger.apply(decrease("apple", 2))).isEqualTo(StockResult.REJECTED);
        assertThat(ledger.apply(decrease("apple", 1))).isEqualTo(StockResult.APPLIED);

        assertThat(ledger.changedLevels()).containsExactly(new LevelChange("apple", 0, 2));
        assertThat(ledger.movements()).hasSize(3);
        assertThat(ledger.answers()).hasSize(3);
    }

    @Test
    void aProductIsUnknownUntilAChangeGivesItUnits() {
        StockLedger ledger = new StockLedger(Map.of());

        assertThat(ledger.apply(decrease("pear", 1))).isEqualTo(StockResult.REJECTED);
        assertThat(ledger.apply(release("pear", 4))).isEqualTo(StockResult.APPLIED);
        assertThat(ledger.apply(decrease("pear", 1))).isEqualTo(StockResult.APPLIED);

        assertThat(ledger.changedLevels()).containsExactly(new LevelChange("pear", 3, 2));
        assertThat(ledger.movements().get(0).reason()).contains("UNKNOWN_PRODUCT");
    }

    @Test
    void aReplenishmentIsNotAnsweredAndUnitsBeyondWhatALevelHoldsCanNeverBeApplied() {
        StockLedger ledger = new StockLedger(Map.of("kiwi", Integer.MAX_VALUE - 1));

        assertThat(ledger.apply(replenish("kiwi", 1))).isEqualTo(StockResult.APPLIED);
        assertThat(ledger.answers()).isEmpty();
        assertThatThrownBy(() -> ledger.apply(replenish("kiwi", 1)))
                .isInstanceOf(UnappliableEventException.class)
                .hasMessageContaining("would exceed");
    }

    private StockChange decrease(String product, int quantity) {
        return StockChange.of(next(), new StockDecreaseRequested(UUID.randomUUID(), product, quantity));
    }

    private StockChange release(String product, int quantity) {
        return StockChange.of(next(), new StockReleaseRequested(UUID.randomUUID(), product, quantity));
    }

    private StockChange replenish(String product, int quantity) {
        return StockChange.of(next(), new StockReplenished(product, quantity));
    }

    private EventSource next() {
        return new EventSource(UUID.randomUUID(), 0, offset++);
    }
}
