package dev.outboxstock.deploy.policy;

import dev.outboxstock.deploy.config.ServiceConfiguration;
import java.util.Optional;

/**
 * The relay's rule of deployment: never two engines streaming one replication slot at once. A relay that elects a
 * leader (the packaged relay holds an advisory lock while it streams, configured under {@code relay.ha}) may run any
 * number of replicas; one that does not needs one replica replaced by {@code Recreate} (the old pod stops before
 * the new one starts).
 */
public final class SingleStreamer {

    private static final String RELAY_MODULE = "outbox-relay";
    private static final String LEADER_ELECTION_KEY = "relay.ha.check-interval";

    private SingleStreamer() {}

    /** Whether the packaged relay elects a leader: its configuration has the leader election's settings. */
    public static boolean relayElectsLeader() {
        return ServiceConfiguration.of(RELAY_MODULE)
                .defaultValue(LEADER_ELECTION_KEY)
                .isPresent();
    }

    /** Why {@code relay} could run two streamers, or empty if it cannot. */
    public static Optional<String> violation(Workload relay, boolean electsLeader) {
        if (electsLeader) {
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
}
