package dev.outboxstock.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The partitions that wait on a record that keeps failing, since when and why: what makes the service not ready. */
final class StalledPartitions {

    /** Since when a partition waits, and its record's latest failure. */
    record Stall(Instant since, String failure) {}

    private final Map<String, Stall> stalls = new ConcurrentHashMap<>();
    private final Clock clock;

    StalledPartitions(Clock clock) {
        this.clock = clock;
    }

    void failed(String partition, Throwable failure) {
        stalls.compute(
                partition,
                (key, earlier) ->
                        new Stall(earlier == null ? clock.instant() : earlier.since(), String.valueOf(failure)));
    }

    void flowing(String partition) {
        stalls.remove(partition);
    }

    /** The partitions that have been waiting for longer than {@code limit}. */
    Map<String, Stall> stalledLongerThan(Duration limit) {
        Instant before = clock.instant().minus(limit);
        return stalls.entrySet().stream()
                .filter(stall -> stall.getValue().since().isBefore(before))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
