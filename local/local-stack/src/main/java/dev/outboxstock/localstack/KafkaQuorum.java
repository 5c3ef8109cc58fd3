package dev.outboxstock.localstack;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

/**
 * The nodes of a KRaft cluster in which every node is both broker and controller, so every node is a voter of the
 * metadata quorum. Node ids run from 1.
 */
record KafkaQuorum(List<KafkaNodeIdentity> nodes) {

    /** Identities for {@code count} new nodes, each with its own two free ports and a fresh metadata directory id. */
    static KafkaQuorum ofNewNodes(int count) {
        List<Integer> ports = FreePort.findDistinct(2 * count);
        return new KafkaQuorum(IntStream.range(0, count)
                .mapToObj(i -> new KafkaNodeIdentity(i + 1, ports.get(2 * i), ports.get(2 * i + 1), Uuid.randomUuid()))
                .toList());
    }

    /** Value of {@code controller.quorum.bootstrap.servers}: every controller, so a node finds the quorum while others are down. */
    String controllerBootstrapServers() {
        return nodes.stream().map(KafkaNodeIdentity::controllerEndpoint).collect(Collectors.joining(","));
    }

    /** Value of {@code kafka-storage format --initial-controllers}; the same for every node of the cluster. */
    String initialControllers() {
        return nodes.stream().map(KafkaNodeIdentity::asInitialController).collect(Collectors.joining(","));
    }
}
