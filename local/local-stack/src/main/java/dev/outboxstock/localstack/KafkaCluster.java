package dev.outboxstock.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.jboss.logging.Logger;

/**
 * Apache Kafka in KRaft mode, run from Maven Central jars as one process per node, so tests can kill, stop and restart
 * it like a real deployment. Every node is both broker and controller; each partition has a copy on every node and an
 * {@code acks=all} write needs all copies but one (see {@link KafkaReplication}). The default is a single node; three
 * nodes make a production-like cluster that survives the loss of any one of them.
 *
 * <p>{@link #stop()} and {@link #restart()} act on the whole cluster; a fault test acts on one node: find it with
 * {@link #leaderOf}, then {@link KafkaNode#kill()} and {@link KafkaNode#restart()} it, and converge with
 * {@link #awaitAllReplicasInSync}.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaCluster.class);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final List<KafkaNode> nodes;

    /** Set for a cluster known by its address only: its nodes belong to whoever started it. */
    private final Optional<String> startedElsewhere;

    private KafkaCluster(List<KafkaNode> nodes) {
        this.nodes = List.copyOf(nodes);
        this.startedElsewhere = Optional.empty();
    }

    private KafkaCluster(String bootstrapServers) {
        this.nodes = List.of();
        this.startedElsewhere = Optional.of(bootstrapServers);
    }

    /**
     * A running cluster known only by its address, for example one started by another class loader of this JVM: it can
     * be read and written, but its nodes cannot be stopped, restarted or killed from here, and closing this does
     * nothing.
     */
    public static KafkaCluster startedElsewhere(String bootstrapServers) {
        return new KafkaCluster(bootstrapServers);
    }

    /** Formats storage below {@code workDir}, starts the nodes, waits until all serve, creates the topics. */
    static KafkaCluster start(
            Path workDir, int nodeCount, Map<String, Integer> partitionsByTopic, ProcessRegistry registry) {
        long started = System.nanoTime();
        Path home = createDirectory(workDir.resolve("kafka"));
        KafkaQuorum quorum = KafkaQuorum.ofNewNodes(nodeCount);
        KafkaReplication replication = KafkaReplication.onEveryNode(nodeCount);
        String clusterId = Uuid.randomUuid().toString();
        // Formatting runs a JVM per node: in parallel, as a cluster's pods would start.
        KafkaCluster cluster = new KafkaCluster(Parallel.map(
                quorum.nodes(), node -> prepareNode(home, node, quorum, replication, clusterId, registry)));
        try {
            cluster.launchStoppedNodes();
            cluster.awaitLiveBrokers(nodeCount);
            try (KafkaClusterAdmin admin = cluster.admin()) {
                admin.createTopics(partitionsByTopic, replication);
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw new IllegalStateException("Kafka did not start; see the logs below " + home, e);
        }
        LOG.infof(
                "Kafka of %d node(s) started on %s with topics %s (replication %d, min in-sync %d) in %d ms",
                nodeCount,
                cluster.bootstrapServers(),
                partitionsByTopic,
                replication.factor(),
                replication.minInsyncReplicas(),
                (System.nanoTime() - started) / 1_000_000);
        return cluster;
    }

    /** Every node's broker listener, comma separated, for a client's {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return startedElsewhere.orElseGet(
                () -> nodes.stream().map(KafkaNode::bootstrapServer).collect(Collectors.joining(",")));
    }

    /** The nodes, ordered by id. */
    public List<KafkaNode> nodes() {
        requireOwnNodes();
        return nodes;
    }

    /** The node with the given {@code node.id}, from 1. */
    public KafkaNode node(int id) {
        requireOwnNodes();
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("No Kafka node " + id + "; node ids are 1 to " + nodes.size());
        }
        return nodes.get(id - 1);
    }

    /**
     * The process of a single-node cluster, for example to measure its memory. A cluster of several nodes has one
     * process per node: ask {@link #nodes()}, so that a measurement cannot silently cover only one of them.
     */
    public ProcessHandle processHandle() {
        requireOwnNodes();
        if (nodes.size() != 1) {
            throw new IllegalStateException("Kafka runs " + nodes.size() + " processes: use nodes()");
        }
        return nodes.get(0).processHandle();
    }

    /**
     * The node that leads the partition, as the cluster's metadata names it. After a leader dies the metadata names
     * it until the controller fences it (after {@code broker.session.timeout.ms}); see {@link #awaitNewLeader}.
     */
    public KafkaNode leaderOf(String topic, int partition) {
        try (KafkaClusterAdmin admin = admin()) {
            return leaderOf(admin, topic, partition)
                    .orElseThrow(() -> new IllegalStateException(topic + "-" + partition + " has no leader"));
        }
    }

    /** Waits until a node other than {@code formerLeader} leads the partition, and returns that node. */
    public KafkaNode awaitNewLeader(String topic, int partition, KafkaNode formerLeader, Duration timeout) {
        try (KafkaClusterAdmin admin = admin()) {
            Await.until(
                    () -> leaderOf(admin, topic, partition)
                            .filter(leader -> leader != formerLeader)
                            .isPresent(),
                    timeout,
                    () -> topic + "-" + partition + " is still led by " + formerLeader);
            return leaderOf(admin, topic, partition).orElseThrow();
        }
    }

    /**
     * Waits until every partition of every topic, Kafka's internal ones included, has all its replicas in sync: after
     * a node came back, the point at which the cluster again survives the loss of any one node.
     */
    public void awaitAllReplicasInSync(Duration timeout) {
        long started = System.nanoTime();
        try (KafkaClusterAdmin admin = admin()) {
            Await.until(
                    () -> admin.partitionsOutOfSync().isEmpty(),
                    timeout,
                    () -> "partitions out of sync: " + admin.partitionsOutOfSync());
        }
        LOG.infof("All Kafka replicas in sync after %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Shuts every node down at once, as a cluster-wide outage; their data stays for {@link #restart()}. */
    public synchronized void stop() {
        requireOwnNodes();
        Parallel.forEach(nodes, KafkaNode::stop);
    }

    /**
     * Starts every node that is down again, on its ports and data directory, and waits until each accepts connections.
     * Fails if none is down.
     */
    public synchronized void restart() {
        requireOwnNodes();
        if (nodes.stream().allMatch(KafkaNode::isAlive)) {
            throw new IllegalStateException("Kafka on " + bootstrapServers() + " is still running");
        }
        launchStoppedNodes();
        LOG.infof("Kafka restarted on %s", bootstrapServers());
    }

    @Override
    public void close() {
        if (startedElsewhere.isEmpty()) {
            stop();
        }
    }

    private void requireOwnNodes() {
        startedElsewhere.ifPresent(address -> {
            throw new IllegalStateException("Kafka on " + address
                    + " was started elsewhere and is shared: a test that acts on its nodes needs a stack of its own");
        });
    }

    /**
     * Launches every node first and only then waits for them: a node of a multi-node quorum cannot finish starting
     * before a majority of the controllers runs.
     */
    private void launchStoppedNodes() {
        List<KafkaNode> stopped = nodes.stream().filter(node -> !node.isAlive()).toList();
        stopped.forEach(KafkaNode::launch);
        stopped.forEach(KafkaNode::awaitListening);
    }

    /** Topics with a replica on every node can only be created once every broker has registered with the controller. */
    private void awaitLiveBrokers(int count) {
        try (KafkaClusterAdmin admin = admin()) {
            Await.until(
                    () -> admin.liveBrokers() == count,
                    READY_TIMEOUT,
                    () -> admin.liveBrokers() + " of " + count + " Kafka brokers are live");
        }
    }

    private Optional<KafkaNode> leaderOf(KafkaClusterAdmin admin, String topic, int partition) {
        return admin.leaderIdOf(topic, partition).map(this::node);
    }

    private KafkaClusterAdmin admin() {
        return new KafkaClusterAdmin(bootstrapServers());
    }

    private static KafkaNode prepareNode(
            Path home,
            KafkaNodeIdentity node,
            KafkaQuorum quorum,
            KafkaReplication replication,
            String clusterId,
            ProcessRegistry registry) {
        Path nodeHome = createDirectory(home.resolve("node-" + node.id()));
        Path config = KafkaServerProperties.write(nodeHome, node, quorum, replication);
        KafkaJvm.runTool(
                "kafka.tools.StorageTool",
                "format",
                "--cluster-id",
                clusterId,
                "--config",
                config.toString(),
                // The same voters on every node, each known by its metadata directory id, so that a restarted node
                // is recognised as the voter it was.
                "--initial-controllers",
                quorum.initialControllers());
        return new KafkaNode(node, config, nodeHome.resolve("server.log"), registry);
    }

    private static Path createDirectory(Path directory) {
        try {
            return Files.createDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
