package dev.outboxstock.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the {@code server.properties} of one combined broker and controller node of a KRaft cluster. */
final class KafkaServerProperties {

    private KafkaServerProperties() {}

    static Path write(Path home, KafkaNodeIdentity node, KafkaQuorum quorum, KafkaReplication replication) {
        String replicas = String.valueOf(replication.factor());
        String minInsync = String.valueOf(replication.minInsyncReplicas());
        String properties = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=" + node.id(),
                "controller.quorum.bootstrap.servers=" + quorum.controllerBootstrapServers(),
                "controller.listener.names=CONTROLLER",
                "listeners=PLAINTEXT://" + node.brokerEndpoint() + ",CONTROLLER://" + node.controllerEndpoint(),
                "advertised.listeners=PLAINTEXT://" + node.brokerEndpoint(),
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                // Topics are created explicitly, as in production: a misspelt topic fails instead of appearing.
                "auto.create.topics.enable=false",
                // The same durability for Kafka's own topics (consumer offsets, transactions) as for the events.
                "default.replication.factor=" + replicas,
                "min.insync.replicas=" + minInsync,
                "offsets.topic.replication.factor=" + replicas,
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + minInsync,
                "share.coordinator.state.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.min.isr=" + minInsync,
                "group.initial.rebalance.delay.ms=0",
                "");
        try {
            return Files.writeString(home.resolve("server.properties"), properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
