package dev.outboxstock.benchmark.workload;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Flash-sale orders: one line of one unit each, the products taken in turn from a given list (one product: every
 * order competes for the same stock, on one partition). Seeded, so that runs repeat. Thread-safe.
 */
public final class SingleUnitOrders implements OrderSource {

    private final Random random;
    private final List<String> products;
    private long placed;

    public SingleUnitOrders(long seed, List<String> products) {
        this.random = new Random(seed);
        this.products = List.copyOf(products);
    }

    @Override
    public synchronized BenchmarkOrder next() {
        String product = products.get((int) (placed++ % products.size()));
        return new BenchmarkOrder(uuid(), List.of(new BenchmarkOrder.Line(uuid(), product, 1)));
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
