package dev.outboxstock.deploy.policy;

import java.util.Map;
import java.util.Optional;

/**
 * The relay's rule of deployment: never two engines streaming one replication slot at once. One replica replaced
 * by {@code Recreate} (the old pod stops before the new one starts) keeps it; so does the relay's leader election,
 * which lets any number of replicas wait while one streams.
 */
public final class SingleStreamer {

    /** The relay's switch for leader election: {@code relay.leader-election.enabled} or the like, set to true. */
    private static final String LEADER_ELECTION = "LEADER_ELECTION";

    private SingleStreamer() {}

    /** Why {@code relay} could run two streamers, or empty if it cannot. */
    public static Optional<String> violation(Workload relay) {
        if (relay.containers().stream().anyMatch(container -> electsLeader(container.environment()))) {
            return Optional.empty();
        }
        if (relay.maximumReplicas() != 1) {
            return Optional.of(relay + " may run " + relay.maximumReplicas() + " replicas without leader election");
        }
        String strategy =
                relay.object().path("spec").path("strategy").path("type").asText("RollingUpdate");
        if (!strategy.equals("Recreate")) {
            return Optional.of(relay + " is rolled out with " + strategy
                    + ": the new pod starts streaming before the old one stops");
        }
        return Optional.empty();
    }

    private static boolean electsLeader(Map<String, Optional<String>> environment) {
        return environment.entrySet().stream()
                .anyMatch(variable -> variable.getKey().contains(LEADER_ELECTION)
                        && variable.getValue().filter("true"::equalsIgnoreCase).isPresent());
    }
}
