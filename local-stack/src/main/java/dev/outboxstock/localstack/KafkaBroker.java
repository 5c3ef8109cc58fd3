package dev.outboxstock.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jboss.logging.Logger;

/**
 * A single-node Apache Kafka broker in KRaft mode (combined broker and controller), run from Maven Central
 * jars as its own process, so tests can kill, stop and restart it like a real deployment: {@link #stop()} and
 * {@link #restart()} keep its port and data directory, as a broker pod restarted on its volume would.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);

    private static final String CLASSPATH_RESOURCE = "/kafka-broker.classpath";
    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path home;
    private final Path config;
    private final int port;
    private final ProcessRegistry registry;
    private Process process;

    private KafkaBroker(Path home, Path config, int port, ProcessRegistry registry) {
        this.home = home;
        this.config = config;
        this.port = port;
        this.registry = registry;
    }

    /** Formats storage below {@code workDir}, starts the broker, waits until it serves, creates the topics. */
    static KafkaBroker start(Path workDir, Map<String, Integer> partitionsByTopic, ProcessRegistry registry) {
        long started = System.nanoTime();
        Path home = createHome(workDir);
        int port = FreePort.find();
        int controllerPort = otherFreePort(port);
        Path config = writeConfig(home, port, controllerPort);

        Command.run(javaCommand(
                "kafka.tools.StorageTool", "format", "-t", newClusterId(), "-c", config.toString(), "--standalone"));
        KafkaBroker broker = new KafkaBroker(home, config, port, registry);
        broker.launch();
        try {
            broker.awaitListening();
            broker.createTopics(partitionsByTopic);
        } catch (RuntimeException e) {
            broker.close();
            throw new IllegalStateException("Kafka did not start; see " + home.resolve("server.log"), e);
        }
        LOG.infof(
                "Kafka started on %s with topics %s in %d ms",
                broker.bootstrapServers(), partitionsByTopic, (System.nanoTime() - started) / 1_000_000);
        return broker;
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The broker's process, for example to measure its memory. */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    /** Shuts the broker down (SIGTERM, then SIGKILL after a grace period); its data stays for {@link #restart()}. */
    public synchronized void stop() {
        ProcessTerminator.terminate(process, "Kafka", STOP_TIMEOUT);
        LOG.infof("Kafka on port %d stopped", port);
    }

    /** Starts the broker again on the same port and data directory and waits until it accepts connections. */
    public synchronized void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("Kafka on port " + port + " is still running");
        }
        launch();
        awaitListening();
        LOG.infof("Kafka restarted on %s", bootstrapServers());
    }

    @Override
    public void close() {
        stop();
    }

    private void launch() {
        List<String> command = javaCommand("kafka.Kafka", config.toString());
        command.add(1, "-Xmx512m");
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.resolve("server.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch Kafka", e);
        }
        registry.record("kafka", process.toHandle());
    }

    private void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) READY_TIMEOUT.toMillis()))) {
            List<NewTopic> topics = partitionsByTopic.entrySet().stream()
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1))
                    .toList();
            admin.createTopics(topics).all().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka is not ready", e);
        }
    }

    /** Waits until the broker accepts connections, so the admin client does not log a failure per attempt. */
    private void awaitListening() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 500);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka broker is not listening on " + bootstrapServers());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
            }
        }
    }

    private static List<String> javaCommand(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                brokerClasspath(),
                mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    private static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build the kafka-broker module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeConfig(Path home, int port, int controllerPort) {
        String listener = HOST + ":" + port;
        String controller = HOST + ":" + controllerPort;
        String properties = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=" + controller,
                "controller.listener.names=CONTROLLER",
                "listeners=PLAINTEXT://" + listener + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + listener,
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                // Topics are created explicitly, as in production: a misspelt topic fails instead of appearing.
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        try {
            return Files.writeString(home.resolve("server.properties"), properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createHome(Path workDir) {
        try {
            return Files.createDirectory(workDir.resolve("kafka"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int otherFreePort(int taken) {
        int port = FreePort.find();
        while (port == taken) {
            port = FreePort.find();
        }
        return port;
    }

    /** A KRaft cluster id: 16 random bytes, URL-safe Base64 without padding, as Kafka's Uuid prints it. */
    private static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
