package dev.outboxstock.localstack;

/**
 * How many copies of each partition a Kafka cluster keeps ({@code factor}) and how many of them must have a write
 * before an {@code acks=all} producer gets its acknowledgement ({@code minInsyncReplicas}).
 */
record KafkaReplication(int factor, int minInsyncReplicas) {

    /**
     * A copy on every node, and writes acknowledged by all but one: a cluster of three keeps accepting writes with one
     * node down, as production's replication 3 / min.insync.replicas 2 does. A single node keeps one copy.
     */
    static KafkaReplication onEveryNode(int nodes) {
        return new KafkaReplication(nodes, Math.max(1, nodes - 1));
    }
}
