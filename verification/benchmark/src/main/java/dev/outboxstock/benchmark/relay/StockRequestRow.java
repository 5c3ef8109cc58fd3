package dev.outboxstock.benchmark.relay;

import dev.outboxstock.benchmark.workload.BenchmarkOrder;
import dev.outboxstock.benchmark.workload.OrderWorkload;
import dev.outboxstock.contract.StockDecreaseRequested;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/** One stock request as an outbox row carries it: event id, key (the product id) and JSON payload. */
record StockRequestRow(UUID id, String key, String payload) {

    static final String TYPE = StockDecreaseRequested.TYPE;

    /** The rows of a workload's orders, one per line, in order: the same seed gives the same rows. */
    static final class Source {

        private final OrderWorkload workload;
        private final Deque<StockRequestRow> pending = new ArrayDeque<>();

        Source(OrderWorkload workload) {
            this.workload = workload;
        }

        List<StockRequestRow> next(int rows) {
            while (pending.size() < rows) {
                BenchmarkOrder order = workload.next();
                order.lines()
                        .forEach(line -> pending.add(new StockRequestRow(
                                line.eventId(), line.productId(), line.stockRequestJson(order.id()))));
            }
            List<StockRequestRow> batch = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                batch.add(pending.poll());
            }
            return batch;
        }
    }
}
