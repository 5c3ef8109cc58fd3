package dev.outboxstock.benchmark.measure;

import java.util.Map;

/**
 * What a span of time cost in CPU, per process.
 *
 * @param seconds the span's wall-clock length
 * @param cpuSeconds by process name, in the order they were given
 */
public record CpuUsage(double seconds, Map<String, Double> cpuSeconds) {

    public double totalCpuSeconds() {
        return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** CPU seconds of {@code process} per 1,000 units of work (orders) done in the span. */
    public double perThousand(String process, long units) {
        return cpuSeconds.getOrDefault(process, Double.NaN) * 1_000 / units;
    }

    /** The process that spent the most, and how many cores it kept busy on average: what bounds a rate. */
    public Map.Entry<String, Double> busiest() {
        return cpuSeconds.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(entry -> Map.entry(entry.getKey(), entry.getValue() / seconds))
                .orElseThrow();
    }
}
