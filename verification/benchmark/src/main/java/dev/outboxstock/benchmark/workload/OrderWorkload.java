package dev.outboxstock.benchmark.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The orders every part of the benchmark places or writes: 1 to 5 lines of distinct products, 1 to 3 units each,
 * products drawn uniformly from a catalogue. The same seed gives the same sequence, so the system and its baselines
 * handle identical records. Thread-safe.
 */
public final class OrderWorkload implements OrderSource {

    public static final int MIN_LINES = 1;
    public static final int MAX_LINES = 5;
    private static final int MAX_QUANTITY = 3;

    private final Random random;
    private final int products;

    public OrderWorkload(long seed, int products) {
        if (products < MAX_LINES) {
            throw new IllegalArgumentException("At least " + MAX_LINES + " products are needed");
        }
        this.random = new Random(seed);
        this.products = products;
    }

    @Override
    public synchronized BenchmarkOrder next() {
        int lineCount = MIN_LINES + random.nextInt(MAX_LINES - MIN_LINES + 1);
        List<String> chosen = new ArrayList<>(lineCount);
        List<BenchmarkOrder.Line> lines = new ArrayList<>(lineCount);
        while (lines.size() < lineCount) {
            String product = productId(random.nextInt(products));
            if (!chosen.contains(product)) {
                chosen.add(product);
                lines.add(new BenchmarkOrder.Line(nextUuid(), product, 1 + random.nextInt(MAX_QUANTITY)));
            }
        }
        return new BenchmarkOrder(nextUuid(), lines);
    }

    /** Every product of the catalogue. */
    public List<String> productIds() {
        List<String> ids = new ArrayList<>(products);
        for (int i = 0; i < products; i++) {
            ids.add(productId(i));
        }
        return ids;
    }

    private static String productId(int index) {
        return String.format("product-%05d", index);
    }

    private UUID nextUuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
