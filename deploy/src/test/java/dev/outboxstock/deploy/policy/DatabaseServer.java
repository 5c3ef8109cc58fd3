package dev.outboxstock.deploy.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * A PostgreSQL server of an overlay, however it runs (a plain StatefulSet, or a CloudNativePG Cluster), described
 * by what its clients must match: where it answers, the database it creates, and the Secrets it creates the
 * service's role and the relay's role from.
 *
 * @param podLabels the labels of its pods, for NetworkPolicies
 */
public record DatabaseServer(
        String description,
        String host,
        int port,
        Optional<String> database,
        Optional<String> serviceRoleSecret,
        Optional<String> relayRoleSecret,
        Map<String, String> podLabels) {

    /** CloudNativePG's port, and the suffix of the Service that reaches a cluster's primary. */
    private static final int CLOUDNATIVE_PG_PORT = 5432;

    private static final String PRIMARY_SERVICE_SUFFIX = "-rw";

    static DatabaseServer of(Workload statefulSet) {
        Container postgres = statefulSet.containers().get(0);
        return new DatabaseServer(
                statefulSet.toString(),
                statefulSet.object().path("spec").path("serviceName").asText(),
                postgres.spec().path("ports").get(0).path("containerPort").asInt(),
                postgres.environment().getOrDefault("POSTGRES_DB", Optional.empty()),
                postgres.secretOf("APP_USER"),
                postgres.secretOf("RELAY_USER"),
                statefulSet.podLabels());
    }

    static DatabaseServer ofCluster(ObjectNode cluster, RenderedOverlay overlay) {
        JsonNode spec = cluster.path("spec");
        String name = RenderedOverlay.nameOf(cluster);
        Map<String, String> labels = new LinkedHashMap<>();
        spec.path("inheritedMetadata")
                .path("labels")
                .properties()
                .forEach(label -> labels.put(label.getKey(), label.getValue().asText()));
        labels.put("cnpg.io/cluster", name);
        Optional<String> relaySecret = StreamSupport.stream(
                        spec.path("managed").path("roles").spliterator(), false)
                .filter(role -> role.path("replication").asBoolean())
                .map(role -> role.path("passwordSecret").path("name").asText())
                .findFirst();
        return new DatabaseServer(
                overlay + ": Cluster/" + name,
                name + PRIMARY_SERVICE_SUFFIX,
                CLOUDNATIVE_PG_PORT,
                text(spec.path("bootstrap").path("initdb").path("database")),
                text(spec.path("bootstrap").path("initdb").path("secret").path("name")),
                relaySecret,
                Map.copyOf(labels));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isMissingNode() ? Optional.empty() : Optional.of(node.asText());
    }

    @Override
    public String toString() {
        return description;
    }
}
