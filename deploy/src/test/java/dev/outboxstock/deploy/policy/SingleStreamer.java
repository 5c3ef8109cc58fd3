package dev.outboxstock.deploy.policy;

import dev.outboxstock.deploy.config.ServiceConfiguration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The relay's rule of deployment: one streamer per outbox. The replicas of one relay Deployment elect it among
 * themselves (an advisory lock in the source database) and fence a former one through Kafka (the relay's name is its
 * producers' transactional id, and keys its stored position). So two relay Deployments must never share a name: each
 * would fence the other's producer, over and over, and they would overwrite each other's position. (Two Deployments
 * on one database are caught by the rule of one relay per database.)
 */
public final class SingleStreamer {

    private static final String RELAY_MODULE = "outbox-relay";
    private static final String NAME_VARIABLE = "RELAY_NAME";
    private static final String NAME_KEY = "relay.name";

    private SingleStreamer() {}

    /** The name a relay Deployment's replicas run under: its RELAY_NAME, or the packaged relay's default. */
    public static String relayName(Workload relay) {
        return relay.containers().stream()
                .map(container -> container.environment().getOrDefault(NAME_VARIABLE, Optional.empty()))
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> ServiceConfiguration.of(RELAY_MODULE).defaultValue(NAME_KEY))
                .orElseThrow(() -> new AssertionError(relay + " has no name and the relay no default"));
    }

    /** Why these relay Deployments could fence each other, or empty if they cannot. */
    public static Optional<String> violation(List<Workload> relays) {
        Map<String, List<Workload>> byName =
                relays.stream().collect(Collectors.groupingBy(SingleStreamer::relayName, Collectors.toList()));
        return byName.entrySet().stream()
                .filter(name -> name.getValue().size() > 1)
                .map(name -> name.getValue() + " all run as relay " + name.getKey()
                        + ": they would fence each other's producers")
                .findFirst();
    }
}
