package dev.outboxstock.benchmark;

import dev.outboxstock.localstack.FreePort;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.PostgresServer;
import dev.outboxstock.localstack.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The relay's benchmark, on the local stack with the packaged relay as its own JVM and order-service's real outbox
 * schema. Prints: rows/s on a backlog of 100,000 rows (catching up after a restart) and while 100,000 rows are
 * written as fast as one writer can, then commit-to-consume latency percentiles at a steady 1,000 rows/s.
 *
 * <p>Run: {@code ./mvnw -B -pl benchmark -am verify -DskipTests -Pbenchmark}
 */
public final class RelayBenchmark {

    private static final int ROWS = 100_000;
    private static final int ROWS_PER_TRANSACTION = 100;
    private static final int WARM_UP_ROWS = 20_000;
    private static final int STEADY_RATE = 1_000;
    private static final int STEADY_ROWS_PER_TRANSACTION = 10;
    private static final Duration STEADY_DURATION = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String DATABASE = "orders";
    /** Often enough for a figure within a few percent, rarely enough not to load the relay with scrapes. */
    private static final long SAMPLE_MILLIS = 50;

    /** Held, so that the level sticks: the consumer's INFO lines would bury the figures. */
    private static final Logger KAFKA_CLIENT_LOG = Logger.getLogger("org.apache.kafka");

    private RelayBenchmark() {}

    public static void main(String[] args) throws Exception {
        KAFKA_CLIENT_LOG.setLevel(Level.WARNING);
        Path root = Path.of(System.getProperty("outbox-stock.root", "."))
                .toAbsolutePath()
                .normalize();
        try (LocalStack stack = LocalStack.builder().databases(DATABASE).start()) {
            PostgresServer postgres = stack.postgres().orElseThrow();
            createSchema(postgres, root);
            ServiceProcess relay = startRelay(stack, root, "relay-warm-up");
            RelayProbe probe = new RelayProbe(relay);
            awaitRelayed(probe, 0);

            writeInTransactions(postgres, WARM_UP_ROWS);
            awaitRelayed(probe, WARM_UP_ROWS);

            // A backlog for the warm relay: frozen (SIGSTOP) while the rows are written, it keeps its connections.
            relay.pause();
            writeInTransactions(postgres, ROWS);
            relay.resume();
            double warmBacklogRate = drainRate(probe, WARM_UP_ROWS, ROWS);

            // The same after a restart: a cold JVM, and the engine's start, catching up.
            relay.close();
            writeInTransactions(postgres, ROWS);
            ServiceProcess restarted = startRelay(stack, root, "relay-restarted");
            double coldBacklogRate = drainRate(new RelayProbe(restarted), 0, ROWS);

            RelayProbe live = new RelayProbe(restarted);
            long before = live.relayed();
            long started = System.nanoTime();
            writeInTransactions(postgres, ROWS);
            long written = System.nanoTime();
            awaitRelayed(live, before + ROWS);
            double liveRate = ROWS / seconds(System.nanoTime() - started);
            double writeRate = ROWS / seconds(written - started);

            Percentiles latency = steadyLatency(stack, postgres);

            System.out.printf("%n=== outbox-relay benchmark (%s) ===%n", machine());
            System.out.printf(
                    "Backlog of %,d rows, warm relay: %,.0f rows/s from first to last ack%n", ROWS, warmBacklogRate);
            System.out.printf(
                    "Backlog of %,d rows after a restart (cold JVM): %,.0f rows/s from first to last ack%n",
                    ROWS, coldBacklogRate);
            System.out.printf(
                    "%,d rows written while streaming (writer: %,.0f rows/s): %,.0f rows/s from first commit to"
                            + " last ack%n",
                    ROWS, writeRate, liveRate);
            System.out.printf(
                    "Steady %,d rows/s for %ds (%,d rows in transactions of %d): commit to consume (an upper bound"
                            + " of commit to ack) p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n%n",
                    STEADY_RATE,
                    STEADY_DURATION.toSeconds(),
                    latency.count(),
                    STEADY_ROWS_PER_TRANSACTION,
                    latency.at(50),
                    latency.at(95),
                    latency.at(99),
                    latency.max());
        }
    }

    /** order-service's migrations, in order, and the relay's least-privileged role. */
    private static void createSchema(PostgresServer postgres, Path root) throws IOException {
        try (Stream<Path> migrations = Files.list(root.resolve("order-service/src/main/resources/db/migration"))) {
            for (Path migration : migrations.sorted().toList()) {
                postgres.execute(DATABASE, Files.readString(migration));
            }
        }
        postgres.execute(DATABASE, Files.readString(root.resolve("outbox-relay/src/main/resources/db/relay-role.sql")));
    }

    private static ServiceProcess startRelay(LocalStack stack, Path root, String name) {
        PostgresServer postgres = stack.postgres().orElseThrow();
        return ServiceProcess.start(
                stack,
                name,
                root.resolve("outbox-relay/target/quarkus-app/quarkus-run.jar"),
                Map.of(
                        "RELAY_SOURCE_HOST",
                        postgres.host(),
                        "RELAY_SOURCE_PORT",
                        String.valueOf(postgres.port()),
                        "RELAY_SOURCE_DATABASE",
                        DATABASE,
                        "RELAY_SOURCE_USER",
                        "outbox_relay",
                        "RELAY_SOURCE_PASSWORD",
                        "relay-secret",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        stack.kafka().orElseThrow().bootstrapServers()),
                FreePort.find(),
                root.resolve("benchmark/target/logs"));
    }

    private static void writeInTransactions(PostgresServer postgres, int rows) throws Exception {
        try (Connection connection = postgres.connect(DATABASE)) {
            OutboxLoad load = new OutboxLoad(connection);
            for (int i = 0; i < rows / ROWS_PER_TRANSACTION; i++) {
                load.commit(ROWS_PER_TRANSACTION);
            }
        }
    }

    /**
     * Rows per second from the first to the last acknowledgement of a backlog of {@code rows} rows, the relay's
     * counter starting at {@code from}.
     */
    private static double drainRate(RelayProbe probe, long from, int rows) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long firstAt = 0;
        long firstCount = 0;
        while (System.nanoTime() < deadline) {
            long relayed = probe.relayed();
            long now = System.nanoTime();
            if (firstAt == 0 && relayed > from) {
                firstAt = now;
                firstCount = relayed;
            }
            if (relayed >= from + rows) {
                return (relayed - firstCount) / seconds(now - firstAt);
            }
            Thread.sleep(SAMPLE_MILLIS);
        }
        throw new IllegalStateException("The backlog was not relayed within " + TIMEOUT);
    }

    private static Percentiles steadyLatency(LocalStack stack, PostgresServer postgres) throws Exception {
        int transactionsPerSecond = STEADY_RATE / STEADY_ROWS_PER_TRANSACTION;
        int rows = (int) (STEADY_RATE * STEADY_DURATION.toSeconds());
        try (CommitToConsumeLatency consumer =
                        new CommitToConsumeLatency(stack.kafka().orElseThrow().bootstrapServers());
                Connection connection = postgres.connect(DATABASE)) {
            var measured = consumer.measure(rows, STEADY_DURATION.plus(TIMEOUT));
            OutboxLoad load = new OutboxLoad(connection);
            AtomicReference<Exception> failure = new AtomicReference<>();
            ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
            int[] committed = {0};
            writer.scheduleAtFixedRate(
                    () -> {
                        if (committed[0] < rows) {
                            try {
                                load.commit(STEADY_ROWS_PER_TRANSACTION);
                                committed[0] += STEADY_ROWS_PER_TRANSACTION;
                            } catch (Exception e) {
                                failure.set(e);
                            }
                        }
                    },
                    0,
                    1_000_000 / transactionsPerSecond,
                    TimeUnit.MICROSECONDS);
            try {
                return new Percentiles(measured.get());
            } finally {
                writer.shutdownNow();
                if (failure.get() != null) {
                    throw failure.get();
                }
            }
        }
    }

    private static void awaitRelayed(RelayProbe probe, long rows) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!(probe.isStreaming() && probe.relayed() >= rows)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The relay did not relay " + rows + " rows within " + TIMEOUT);
            }
            Thread.sleep(20);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize()
                >> 30;
        return Runtime.getRuntime().availableProcessors() + " cores, " + memory + " GiB, "
                + System.getProperty("os.name") + ", Java " + Runtime.version() + "; load average at the end: "
                + loadAverage();
    }

    /** Other work on the machine skews every figure: the benchmark says how busy the machine was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException unavailable) {
            return "unknown";
        }
    }
}
