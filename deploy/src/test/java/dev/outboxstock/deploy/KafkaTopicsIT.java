package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboxstock.contract.Topics;
import dev.outboxstock.deploy.config.ConfigKey;
import dev.outboxstock.deploy.config.ServiceConfiguration;
import dev.outboxstock.deploy.policy.Container;
import dev.outboxstock.deploy.policy.Workload;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The topics of the event contract exist with partitions and replication that the cluster and the consumers fit. */
class KafkaTopicsIT {

    private static final String CLUSTER_LABEL = "strimzi.io/cluster";

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void theContractsTopicsAndNoOthersAreDeclared(RenderedOverlay overlay) {
        assertThat(topics(overlay).map(KafkaTopicsIT::topicName)).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyTopicFitsItsCluster(RenderedOverlay overlay) {
        for (ObjectNode topic : topics(overlay).toList()) {
            String cluster =
                    topic.path("metadata").path("labels").path(CLUSTER_LABEL).asText();
            ObjectNode kafka = overlay.get("Kafka", cluster);
            int replicas = topic.path("spec").path("replicas").asInt();
            int minimumInSync = topic.path("spec")
                    .path("config")
                    .path("min.insync.replicas")
                    .asInt(kafka.path("spec")
                            .path("kafka")
                            .path("config")
                            .path("min.insync.replicas")
                            .asInt(1));
            assertThat(topic.path("spec").path("partitions").asInt())
                    .as(topicName(topic) + " partitions")
                    .isPositive();
            assertThat(replicas).as(topicName(topic) + " replicas").isBetween(1, brokers(overlay, cluster));
            if (replicas == 1) {
                assertThat(minimumInSync)
                        .as(topicName(topic) + ": min.insync.replicas of one replica")
                        .isEqualTo(1);
            } else {
                // Below the replicas, so acks=all survives a broker lost; at least 2, so an acknowledged record
                // is on two brokers and survives one lost.
                assertThat(minimumInSync)
                        .as(topicName(topic) + ": min.insync.replicas")
                        .isBetween(2, replicas - 1);
            }
        }
    }

    /**
     * A partition feeds one consumer of a group: consumers beyond the partition count sit idle. Each service
     * replica runs {@code concurrency} copies of a channel, each with {@code partitions} consumers.
     */
    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void consumersNeverOutnumberPartitions(RenderedOverlay overlay) {
        List<String> checked = new ArrayList<>();
        for (Container container : Container.ofServices(overlay)) {
            Workload workload = container.workload();
            ServiceConfiguration configuration = container.serviceConfiguration();
            configuration.incomingTopics().forEach((channel, topicNames) -> {
                int perReplica = channelSetting(container, configuration, channel, "concurrency")
                        * channelSetting(container, configuration, channel, "partitions");
                for (String topicName : topicNames) {
                    ObjectNode topic = topics(overlay)
                            .filter(candidate -> topicName(candidate).equals(topicName))
                            .findFirst()
                            .orElseThrow(
                                    () -> new AssertionError(workload + " consumes undeclared topic " + topicName));
                    assertThat(workload.maximumReplicas() * perReplica)
                            .as(workload + ": consumers of " + topicName)
                            .isLessThanOrEqualTo(
                                    topic.path("spec").path("partitions").asInt());
                    checked.add(workload + " " + topicName);
                }
            });
        }
        assertThat(checked).as("the stock topic's consumer is checked").isNotEmpty();
    }

    private static int channelSetting(
            Container container, ServiceConfiguration configuration, String channel, String attribute) {
        String property = "mp.messaging.incoming." + channel + "." + attribute;
        return Integer.parseInt(container
                .environment()
                .getOrDefault(ConfigKey.environmentName(property), Optional.empty())
                .or(() -> configuration.defaultValue(property))
                .orElse("1"));
    }

    private static Stream<ObjectNode> topics(RenderedOverlay overlay) {
        return overlay.ofKind("KafkaTopic");
    }

    private static String topicName(JsonNode topic) {
        return topic.path("spec").path("topicName").asText(RenderedOverlay.nameOf(topic));
    }

    private static int brokers(RenderedOverlay overlay, String cluster) {
        return overlay.ofKind("KafkaNodePool")
                .filter(pool -> cluster.equals(
                        pool.path("metadata").path("labels").path(CLUSTER_LABEL).asText()))
                .filter(pool -> StreamSupport.stream(
                                pool.path("spec").path("roles").spliterator(), false)
                        .anyMatch(role -> role.asText().equals("broker")))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt())
                .sum();
    }
}
