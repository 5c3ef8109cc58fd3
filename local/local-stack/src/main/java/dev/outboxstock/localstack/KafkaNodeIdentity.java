package dev.outboxstock.localstack;

import org.apache.kafka.common.Uuid;

/**
 * What makes a Kafka node the same node across restarts: its id, its listeners, and the id of its metadata log
 * directory, which the other controllers know it by as a quorum voter.
 */
record KafkaNodeIdentity(int id, int brokerPort, int controllerPort, Uuid metadataDirectoryId) {

    static final String HOST = "127.0.0.1";

    String brokerEndpoint() {
        return HOST + ":" + brokerPort;
    }

    String controllerEndpoint() {
        return HOST + ":" + controllerPort;
    }

    /** The node as {@code kafka-storage format --initial-controllers} lists a voter: {@code id@host:port:directoryId}. */
    String asInitialController() {
        return id + "@" + controllerEndpoint() + ":" + metadataDirectoryId;
    }
}
