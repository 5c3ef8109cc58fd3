package dev.outboxstock.benchmark.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SingleUnitOrdersTest {

    @Test
    void everyOrderIsOneUnitOfTheNextProductInTurn() {
        SingleUnitOrders orders = new SingleUnitOrders(7, List.of("a", "b", "c"));

        List<BenchmarkOrder> placed =
                IntStream.range(0, 6).mapToObj(i -> orders.next()).toList();

        assertThat(placed).allSatisfy(order -> {
            assertThat(order.lines()).hasSize(1);
            assertThat(order.lines().get(0).quantity()).isEqualTo(1);
        });
        assertThat(placed)
                .extracting(order -> order.lines().get(0).productId())
                .containsExactly("a", "b", "c", "a", "b", "c");
    }
}
