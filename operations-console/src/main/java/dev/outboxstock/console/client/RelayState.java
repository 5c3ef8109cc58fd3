package dev.outboxstock.console.client;

import java.util.Optional;

/**
 * What a relay says about itself: its role (ACTIVE or STANDBY), whether it is ready, its replication slot's state and
 * retained WAL (from its health), and its commit-to-ack latency (from its metrics: the mean and the maximum of the
 * recent window); or why it could not be read.
 */
public record RelayState(
        String name,
        Optional<String> role,
        boolean ready,
        Optional<String> slot,
        Optional<Long> retainedWalBytes,
        Optional<Double> meanCommitToAckMillis,
        Optional<Double> maxCommitToAckMillis,
        Optional<String> problem) {

    public static RelayState unreachable(String name, String problem) {
        return new RelayState(
                name,
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(problem));
    }
}
