package dev.outboxstock.deploy.policy;

import dev.outboxstock.deploy.render.RenderedOverlay;
import java.util.Set;

/**
 * The Secrets Strimzi writes in the cluster for objects of the overlay, which therefore never appear in it: a SCRAM
 * KafkaUser's credentials under the user's name, and a Kafka cluster's CA certificate under {@code
 * <cluster>-cluster-ca-cert}.
 */
public final class OperatorSecrets {

    private static final Set<String> KAFKA_USER_KEYS = Set.of("password", "sasl.jaas.config");
    private static final Set<String> CLUSTER_CA_KEYS = Set.of("ca.crt", "ca.p12", "ca.password");
    private static final String CLUSTER_CA_SUFFIX = "-cluster-ca-cert";

    private OperatorSecrets() {}

    /** Whether an operator writes the Secret {@code name}. */
    public static boolean writes(RenderedOverlay overlay, String name) {
        return overlay.find("KafkaUser", name).isPresent() || isClusterCa(overlay, name);
    }

    /** Whether an operator writes the Secret {@code name} with {@code key} in it. */
    public static boolean writes(RenderedOverlay overlay, String name, String key) {
        return overlay.find("KafkaUser", name).isPresent() && KAFKA_USER_KEYS.contains(key)
                || isClusterCa(overlay, name) && CLUSTER_CA_KEYS.contains(key);
    }

    private static boolean isClusterCa(RenderedOverlay overlay, String name) {
        return name.endsWith(CLUSTER_CA_SUFFIX)
                && overlay.find("Kafka", name.substring(0, name.length() - CLUSTER_CA_SUFFIX.length()))
                        .isPresent();
    }
}
