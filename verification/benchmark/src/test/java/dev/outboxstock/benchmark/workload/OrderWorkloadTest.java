package dev.outboxstock.benchmark.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderWorkloadTest {

    @Test
    void theSameSeedGivesTheSameOrders() {
        OrderWorkload first = new OrderWorkload(7, 100);
        OrderWorkload second = new OrderWorkload(7, 100);

        IntStream.range(0, 1_000).forEach(i -> assertThat(first.next()).isEqualTo(second.next()));
    }

    @Test
    void everyOrderHasOneToFiveLinesOfDistinctProductsFromTheCatalogue() {
        OrderWorkload workload = new OrderWorkload(7, 10);

        IntStream.range(0, 1_000).mapToObj(i -> workload.next()).forEach(order -> {
            assertThat(order.lines()).hasSizeBetween(OrderWorkload.MIN_LINES, OrderWorkload.MAX_LINES);
            assertThat(order.lines())
                    .extracting(BenchmarkOrder.Line::productId)
                    .doesNotHaveDuplicates()
                    .allSatisfy(product -> assertThat(workload.productIds()).contains(product));
            assertThat(order.lines())
                    .allSatisfy(line -> assertThat(line.quantity()).isBetween(1, 3));
        });
    }

    @Test
    void ordersTakeEveryNumberOfLines() {
        OrderWorkload workload = new OrderWorkload(7, 10);

        assertThat(IntStream.range(0, 1_000).map(i -> workload.next().lines().size()))
                .containsOnly(1, 2, 3, 4, 5);
    }

    @Test
    void theRequestBodyAndTheOutboxPayloadAreWhatOrderServiceReadsAndWrites() {
        BenchmarkOrder order = new OrderWorkload(7, 10).next();
        BenchmarkOrder.Line line = order.lines().get(0);

        assertThat(order.placeOrderJson())
                .startsWith("{\"lines\":[{\"productId\":\"" + line.productId() + "\",\"quantity\":" + line.quantity()
                        + "}");
        assertThat(line.stockRequestJson(order.id()))
                .isEqualTo("{\"orderId\":\"" + order.id() + "\",\"productId\":\"" + line.productId()
                        + "\",\"quantity\":" + line.quantity() + "}");
    }
}
