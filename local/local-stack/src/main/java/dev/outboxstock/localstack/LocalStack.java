package dev.outboxstock.localstack;

import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.contract.Topics;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The one entry point that starts the real servers the system needs, with no Docker: a private PostgreSQL
 * cluster and Kafka (a single node unless {@link Builder#kafkaNodes} asks for more), each node a separate process.
 * {@link #close()} stops them and removes their files; a shutdown hook does the same when the JVM exits first (a
 * failed test, Ctrl-C).
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().databases("orders", "inventory").start()) {
 *     String kafka = stack.kafka().orElseThrow().bootstrapServers();
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class);

    /** Environment variable overriding the stock topic's partition count. */
    public static final String PARTITIONS_VARIABLE = "STOCK_TOPIC_PARTITIONS";

    public static final int DEFAULT_PARTITIONS = 6;

    private final Path workDir;
    private final ProcessRegistry processes;
    private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");
    private final Deque<AutoCloseable> attached = new ArrayDeque<>();
    private PostgresServer postgres;
    private KafkaCluster kafka;
    private boolean ownsKafka;
    private boolean closed;

    private LocalStack(Path workDir) {
        this.workDir = workDir;
        this.processes = new ProcessRegistry(workDir);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<PostgresServer> postgres() {
        return Optional.ofNullable(postgres);
    }

    public Optional<KafkaCluster> kafka() {
        return Optional.ofNullable(kafka);
    }

    /** Where the stack keeps its files; services started beside it may put their logs here. */
    public Path workDir() {
        return workDir;
    }

    /** Pid files of the stack's processes: register any process started for it, so none is left as an orphan. */
    public ProcessRegistry processes() {
        return processes;
    }

    /**
     * Closes {@code resource} with the stack, before the servers stop and in reverse order of attachment: services
     * that use the servers shut down gracefully, also on Ctrl-C.
     */
    public synchronized void attach(AutoCloseable resource) {
        attached.push(resource);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Called from the hook itself.
        }
        while (!attached.isEmpty()) {
            closeQuietly(attached.pop());
        }
        if (ownsKafka) {
            closeQuietly(kafka);
        }
        closeQuietly(postgres);
        processes.killAll();
        WorkDirectory.delete(workDir);
    }

    private static void closeQuietly(AutoCloseable server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            LOG.warnf(e, "Cannot stop %s", server);
        }
    }

    /** What to start. Databases are created empty; each service's migrations own its schema. */
    public static final class Builder {

        private final Set<String> databases = new LinkedHashSet<>();
        private final Map<String, Integer> topics = new LinkedHashMap<>();
        private boolean kafkaEnabled = true;
        private int kafkaNodes = 1;
        private KafkaCluster runningKafka;

        private Builder() {
            int partitions = partitionsFromEnvironment();
            Topics.EVENTS.forEach(topic -> topics.put(topic, partitions));
            Topics.DEAD_LETTERS.forEach(topic -> topics.put(topic, 1));
        }

        public Builder databases(String... names) {
            databases.addAll(List.of(names));
            return this;
        }

        public Builder withoutKafka() {
            kafkaEnabled = false;
            return this;
        }

        /**
         * Uses a Kafka that is already running instead of starting one; it keeps running when this stack closes. Its
         * topics are whatever its own stack created.
         */
        public Builder kafka(KafkaCluster running) {
            runningKafka = running;
            return this;
        }

        /**
         * Runs Kafka as a cluster of {@code nodes} nodes, each its own process, with every partition on every node
         * and {@code acks=all} writes needing all copies but one: 3 gives production's replication 3 / min in-sync
         * replicas 2. One node by default.
         */
        public Builder kafkaNodes(int nodes) {
            if (nodes < 1) {
                throw new IllegalArgumentException("Kafka needs at least one node, not " + nodes);
            }
            kafkaNodes = nodes;
            return this;
        }

        public Builder stockTopicPartitions(int partitions) {
            return topic(StockTopic.NAME, partitions);
        }

        /** Creates one more topic (or changes a default one's partition count): the broker creates none itself. */
        public Builder topic(String name, int partitions) {
            topics.put(name, partitions);
            return this;
        }

        public LocalStack start() {
            StaleStackReaper.reapIn(WorkDirectory.parent(), WorkDirectory.PREFIX);
            LocalStack stack = new LocalStack(WorkDirectory.create());
            stack.processes.record(ProcessRegistry.OWNER, ProcessHandle.current());
            Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
            try {
                if (!databases.isEmpty()) {
                    stack.postgres = PostgresServer.start(stack.workDir, databases);
                }
                if (runningKafka != null) {
                    stack.kafka = runningKafka;
                } else if (kafkaEnabled) {
                    stack.kafka = KafkaCluster.start(stack.workDir, kafkaNodes, topics, stack.processes);
                    stack.ownsKafka = true;
                }
                return stack;
            } catch (RuntimeException e) {
                stack.close();
                throw e;
            }
        }

        private static int partitionsFromEnvironment() {
            return Optional.ofNullable(System.getenv(PARTITIONS_VARIABLE))
                    .map(Integer::parseInt)
                    .orElse(DEFAULT_PARTITIONS);
        }
    }
}
