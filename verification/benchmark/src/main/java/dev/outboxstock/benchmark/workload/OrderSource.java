package dev.outboxstock.benchmark.workload;

/** Where a load generator takes its next order from. Thread-safe. */
@FunctionalInterface
public interface OrderSource {

    BenchmarkOrder next();
}
