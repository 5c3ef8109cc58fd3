package dev.outboxstock.relay.route;

import dev.outboxstock.contract.RoutingRules;
import dev.outboxstock.relay.config.RelayConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The routing rules this relay was configured with: the event contract's ({@link RoutingRules#OUTBOX}), whose
 * columns are the configuration's defaults, with the configured header columns added to the contract's, and the
 * contract's named topics (a compacted topic such as {@code stock-levels} is not {@code <aggregatetype>-events}).
 */
public final class ConfiguredRules {

    private ConfiguredRules() {}

    public static RoutingRules of(RelayConfig.Routing routing) {
        Map<String, String> headers = new LinkedHashMap<>(RoutingRules.OUTBOX.headers());
        headers.putAll(routing.headers());
        return new RoutingRules(
                routing.topic(),
                routing.topicColumn(),
                routing.topicSuffix(),
                routing.keyColumn(),
                routing.idColumn(),
                routing.payloadColumn(),
                headers,
                RoutingRules.OUTBOX.namedTopics());
    }
}
