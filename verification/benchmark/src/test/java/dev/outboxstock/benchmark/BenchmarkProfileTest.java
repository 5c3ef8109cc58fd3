package dev.outboxstock.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkProfileTest {

    @Test
    void eachRateIsAtMostAQuarterAboveTheOneBefore() {
        for (BenchmarkProfile profile :
                List.of(BenchmarkProfile.FULL, BenchmarkProfile.QUICK, BenchmarkProfile.SMOKE)) {
            List<Integer> rates = profile.rates();
            for (int i = 1; i < rates.size(); i++) {
                assertThat(rates.get(i)).as(profile.name()).isGreaterThan(rates.get(i - 1));
                assertThat(rates.get(i) / (double) rates.get(i - 1))
                        .as(profile.name())
                        .isLessThanOrEqualTo(1.25 + 0.01);
            }
        }
    }

    @Test
    void theFullProfileWarmsUpLongEnoughForTheJit() {
        assertThat(BenchmarkProfile.FULL.warmUp()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theRatesRunFromTheFirstUpToTheLast() {
        assertThat(BenchmarkProfile.rates(100, 200)).containsExactly(100, 125, 156, 195);
    }
}
