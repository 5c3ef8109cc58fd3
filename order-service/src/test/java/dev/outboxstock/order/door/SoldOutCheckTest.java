package dev.outboxstock.order.door;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.contract.StockLevel;
import dev.outboxstock.order.domain.ProductQuantity;
import dev.outboxstock.order.service.SoldOutCheck;
import dev.outboxstock.order.service.StockLevelView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which lines the door finds short: only a known level below the line's quantity, and none with the check off. */
class SoldOutCheckTest {

    private final StockLevelView view = new StockLevelView();

    @Test
    void aLineIsShortOnlyWhenTheViewKnowsItsProductWithFewerUnits() {
        view.apply(List.of(new StockLevel("two", 2), new StockLevel("none", 0)));
        SoldOutCheck check = new SoldOutCheck(view, () -> true, new SimpleMeterRegistry());

        assertThat(check.shortOf(List.of(
                        new ProductQuantity("two", 2),
                        new ProductQuantity("none", 1),
                        new ProductQuantity("unknown", 1000),
                        new ProductQuantity("two", 3))))
                .containsExactly("none", "two");
    }

    @Test
    void turnedOffTheCheckFindsNothingShort() {
        view.apply(List.of(new StockLevel("none", 0)));
        SoldOutCheck check = new SoldOutCheck(view, () -> false, new SimpleMeterRegistry());

        assertThat(check.shortOf(List.of(new ProductQuantity("none", 1)))).isEmpty();
    }

    @Test
    void theLatestLevelOfAProductCounts() {
        view.apply(List.of(new StockLevel("sale", 0), new StockLevel("sale", 4)));

        assertThat(view.levelOf("sale")).contains(4);
    }
}
