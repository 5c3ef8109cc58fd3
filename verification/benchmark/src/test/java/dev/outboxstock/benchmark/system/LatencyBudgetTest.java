package dev.outboxstock.benchmark.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.benchmark.load.LoadResult;
import dev.outboxstock.benchmark.measure.CpuUsage;
import dev.outboxstock.benchmark.measure.HistogramBuckets;
import dev.outboxstock.benchmark.measure.LatencySummary;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LatencyBudgetTest {

    private static final HistogramBuckets NO_RELAY_FIGURES = new HistogramBuckets(new TreeMap<>());
    private static final CpuUsage NO_CPU = new CpuUsage(1, Map.of());
    private static final LatencySummary FAST = new LatencySummary(1_000, 5, 10, 20, 40);
    private static final LatencySummary SLOW = new LatencySummary(1_000, 900, 2_500, 3_000, 4_000);

    @Test
    void aRateIsSustainedWhileEveryLimitHolds() {
        RateStep step = LatencyBudget.DEFAULT.judge(
                post(100, 99.5, 0, FAST), FAST, NO_RELAY_FIGURES, FAST, FAST, 0, NO_CPU, true);

        assertThat(step.sustained()).isTrue();
    }

    @Test
    void everyLimitThatDoesNotHoldIsNamed() {
        RateStep step = LatencyBudget.DEFAULT.judge(
                post(100, 80, 5, SLOW), FAST, NO_RELAY_FIGURES, SLOW, SLOW, 3, NO_CPU, false);

        assertThat(step.sustained()).isFalse();
        assertThat(step.breach())
                .hasValue("accepted 80/s, 4.8% failed, POST p99 > 1000 ms, applied p99 > 2000 ms, inventory behind,"
                        + " 3 orders not settled");
    }

    private static LoadResult post(double target, double accepted, long failed, LatencySummary responseTime) {
        return new LoadResult(target, 100, failed, 300, accepted, responseTime);
    }
}
