package dev.outboxstock.order.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.order.domain.CustomerOrder;
import dev.outboxstock.order.domain.OrderLine;
import dev.outboxstock.order.domain.ProductQuantity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AskAgainScheduleTest {

    private static final Instant PLACED = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration FIRST_PAUSE = Duration.ofMinutes(1);

    @Test
    void eachPauseIsTwiceTheLastUpToTheCeilingLengthenedByAtMostAFifth() {
        List<Duration> least = pauses(new AskAgainSchedule(defaults(), () -> 0.0));
        List<Duration> most = pauses(new AskAgainSchedule(defaults(), () -> 0.999_999));

        assertThat(least.subList(0, 4))
                .containsExactly(
                        Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8));
        assertThat(least).contains(Duration.ofHours(6)).allMatch(pause -> pause.compareTo(Duration.ofHours(6)) <= 0);
        for (int i = 0; i < least.size(); i++) {
            assertThat(most.get(i))
                    .isBetween(least.get(i), least.get(i).multipliedBy(6).dividedBy(5));
        }
    }

    /**
     * The bound the reconciliation promises: over an outage of length T, a line's request is sent at most
     * 2 + log2(T / ask-again-after) times (the first send included), whatever the jitter draws.
     */
    @ParameterizedTest(name = "an outage of {0} minutes")
    @ValueSource(ints = {1, 2, 10, 60, 120, 600, 1439})
    void anOutageCostsEachLineAtMostTwoPlusLog2OfItsLengthInFirstPausesSends(int minutes) {
        Duration outage = Duration.ofMinutes(minutes);
        double bound = 2 + Math.log(outage.toMillis() / (double) FIRST_PAUSE.toMillis()) / Math.log(2);
        Random random = new Random(minutes);
        for (int run = 0; run < 200; run++) {
            AskAgainSchedule schedule = new AskAgainSchedule(defaults(), random::nextDouble);
            OrderLine line = placedLine();
            int sends = 1;
            line.requestSent(schedule.nextAsk(line, PLACED));
            while (line.nextAskAt()
                    .filter(at -> at.isBefore(PLACED.plus(outage)))
                    .isPresent()) {
                Instant now = line.nextAskAt().get();
                sends++;
                line.requestSent(schedule.nextAsk(line, now));
            }
            assertThat(sends).as("sends over %s", outage).isLessThanOrEqualTo((int) Math.floor(bound));
        }
    }

    @Test
    void aLineIsNoLongerAskedAboutOnceItsOwnRequestIsOlderThanStopAskingAfter() {
        AskAgainSchedule schedule = new AskAgainSchedule(defaults(), () -> 0.0);
        OrderLine line = placedLine();

        assertThat(schedule.nextAsk(line, PLACED.plus(Duration.ofHours(23)))).isPresent();
        assertThat(schedule.nextAsk(line, PLACED.plus(Duration.ofMinutes(1439))))
                .isEmpty();
    }

    private static List<Duration> pauses(AskAgainSchedule schedule) {
        OrderLine line = placedLine();
        Instant sent = PLACED;
        List<Duration> pauses = new ArrayList<>();
        for (int send = 0; send < 12; send++) {
            Optional<Instant> next = schedule.nextAsk(line, sent);
            line.requestSent(next);
            pauses.add(Duration.between(sent, next.orElseThrow()));
            sent = next.get();
            if (sent.isAfter(PLACED.plus(Duration.ofHours(12)))) {
                break;
            }
        }
        return pauses;
    }

    private static OrderLine placedLine() {
        return CustomerOrder.place(UUID.randomUUID(), "alice", List.of(new ProductQuantity("fig", 1)), PLACED)
                .lines()
                .get(0);
    }

    /** The shipped defaults: ask again after a minute, pauses up to 6 hours, no asking after a day. */
    private static ReconciliationConfig defaults() {
        return new ReconciliationConfig() {
            @Override
            public Duration interval() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Duration askAgainAfter() {
                return FIRST_PAUSE;
            }

            @Override
            public Duration askAgainCeiling() {
                return Duration.ofHours(6);
            }

            @Override
            public Duration stopAskingAfter() {
                return Duration.ofDays(1);
            }

            @Override
            public Optional<Duration> rejectAfter() {
                return Optional.empty();
            }

            @Override
            public int batchSize() {
                return 100;
            }
        };
    }
}
