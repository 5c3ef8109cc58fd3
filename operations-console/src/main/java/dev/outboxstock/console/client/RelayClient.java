package dev.outboxstock.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboxstock.console.config.RelayEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** Reads a relay's health ({@code /q/health/ready}: role, slot, retained WAL) and metrics ({@code /q/metrics}). */
@ApplicationScoped
public class RelayClient {

    /** The relay's health check, as it names itself. */
    private static final String CHECK = "outbox-relay";

    private static final String COMMIT_TO_ACK = "relay_commit_to_ack_seconds";

    private final JsonHttp http;

    public RelayClient(JsonHttp http) {
        this.http = http;
    }

    public RelayState read(RelayEndpoint relay) {
        try {
            // A standby or a relay in trouble answers 503 with the same data: both are worth showing.
            JsonHttp.Answer health = http.get(relay.url().resolve("/q/health/ready"));
            JsonNode data = StreamSupport.stream(
                            http.read(health, JsonNode.class).path("checks").spliterator(), false)
                    .filter(check -> CHECK.equals(check.path("name").asText()))
                    .findFirst()
                    .map(check -> check.path("data"))
                    .orElseThrow(() -> new ServiceUnreachableException(relay.url() + " reports no relay health"));
            PrometheusText metrics = new PrometheusText(
                    http.get(relay.url().resolve("/q/metrics")).ok().body());
            Optional<Double> sum = metrics.value(COMMIT_TO_ACK + "_sum");
            Optional<Double> count = metrics.value(COMMIT_TO_ACK + "_count").filter(value -> value > 0);
            return new RelayState(
                    relay.name(),
                    text(data, "role"),
                    health.status() == 200,
                    text(data, "slot"),
                    Optional.of(data.path("retainedWalBytes"))
                            .filter(JsonNode::isNumber)
                            .map(JsonNode::asLong),
                    sum.flatMap(total -> count.map(samples -> total / samples * 1000)),
                    metrics.value(COMMIT_TO_ACK + "_max").map(seconds -> seconds * 1000),
                    text(data, "engineFailure").or(() -> text(data, "kafka")).or(() -> text(data, "database")));
        } catch (ServiceUnreachableException e) {
            return RelayState.unreachable(relay.name(), e.getMessage());
        }
    }

    private static Optional<String> text(JsonNode data, String field) {
        return Optional.of(data.path(field)).filter(JsonNode::isValueNode).map(JsonNode::asText);
    }
}
