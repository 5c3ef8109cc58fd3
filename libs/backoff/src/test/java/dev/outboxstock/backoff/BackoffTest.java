package dev.outboxstock.backoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesEachPauseUpToTheCeilingAndStartsOverAfterAReset() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void thePauseAfterAGivenTryFollowsTheSameRuleWithoutOverflowingAfterManyTries() {
        Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofHours(6));

        assertThat(backoff.pauseAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.pauseAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.pauseAfter(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(backoff.pauseAfter(10)).isEqualTo(Duration.ofHours(6));
        assertThat(backoff.pauseAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(6));
        assertThatThrownBy(() -> backoff.pauseAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
