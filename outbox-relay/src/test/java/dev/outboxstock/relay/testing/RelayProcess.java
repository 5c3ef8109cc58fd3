package dev.outboxstock.relay.testing;

import dev.outboxstock.localstack.FreePort;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.PostgresServer;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.localstack.testing.ServiceEndpoints;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The packaged relay as its own JVM against the stack's {@code orders} database, as the relay's least-privileged
 * role, configured by environment variables only: what kill -9, failover and restart tests need.
 */
public final class RelayProcess {

    /** System property naming the packaged relay ({@code target/quarkus-app/quarkus-run.jar}); set by Failsafe. */
    public static final String APPLICATION_PROPERTY = "outbox-relay.application";

    private RelayProcess() {}

    public static ServiceProcess start(LocalStack stack, String name) {
        return ServiceProcess.start(
                stack,
                name,
                Path.of(System.getProperty(APPLICATION_PROPERTY)),
                environment(stack),
                FreePort.find(),
                Path.of("target", "relay-logs"));
    }

    /**
     * Starts a replica with more settings ({@code relay.*} keys, given to its JVM as system properties) and returns
     * once it is live, ready or not.
     */
    public static ServiceProcess launch(LocalStack stack, String name, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(environment(stack));
        environment.put(
                "JAVA_TOOL_OPTIONS",
                settings.entrySet().stream()
                        .map(setting -> "-D" + setting.getKey() + "=" + setting.getValue())
                        .collect(Collectors.joining(" ")));
        return ServiceProcess.launch(
                stack,
                name,
                Path.of(System.getProperty(APPLICATION_PROPERTY)),
                environment,
                FreePort.find(),
                Path.of("target", "relay-logs"));
    }

    private static Map<String, String> environment(LocalStack stack) {
        PostgresServer postgres = stack.postgres().orElseThrow();
        return Map.of(
                "RELAY_SOURCE_HOST", postgres.host(),
                "RELAY_SOURCE_PORT", String.valueOf(postgres.port()),
                "RELAY_SOURCE_DATABASE", "orders",
                "RELAY_SOURCE_USER", "outbox_relay",
                "RELAY_SOURCE_PASSWORD", "relay-secret",
                "KAFKA_BOOTSTRAP_SERVERS", stack.kafka().orElseThrow().bootstrapServers(),
                "RELAY_HA_CHECK_INTERVAL", "500ms",
                // A frozen streamer loses the lock this long after its last check: seconds, for the tests.
                "RELAY_HA_LOCK_SESSION_TIMEOUT", "3s");
    }

    /** ACTIVE or STANDBY, with the engine's state: for example {@code ACTIVE/STREAMING}. */
    public static String state(ServiceProcess relay) {
        JsonPath health = JsonPath.from(
                ServiceEndpoints.get(relay, ServiceEndpoints.READINESS).body());
        return health.getString("checks[0].data.role") + "/" + health.getString("checks[0].data.engine");
    }

    /** The relay's count of rows Kafka acknowledged, from its Prometheus metrics. */
    public static double relayed(ServiceProcess relay) {
        return metric(relay, "relay_records_relayed_total");
    }

    /** A metric of the relay's Prometheus metrics (or one series: its name with its tags); 0 when it has none. */
    public static double metric(ServiceProcess relay, String name) {
        return ServiceEndpoints.sum(
                ServiceEndpoints.get(relay, ServiceEndpoints.METRICS).body(), name);
    }

    public static Optional<ServiceProcess> active(ServiceProcess... relays) {
        for (ServiceProcess relay : relays) {
            if (relay.isAlive() && state(relay).equals("ACTIVE/STREAMING")) {
                return Optional.of(relay);
            }
        }
        return Optional.empty();
    }
}
