package dev.outboxstock.benchmark.relay;

import dev.outboxstock.benchmark.load.FixedRate;
import dev.outboxstock.benchmark.measure.Await;
import dev.outboxstock.benchmark.measure.CommitToConsumeLatency;
import dev.outboxstock.benchmark.measure.CpuUsage;
import dev.outboxstock.benchmark.measure.DatabaseLoad;
import dev.outboxstock.benchmark.measure.HistogramBuckets;
import dev.outboxstock.benchmark.measure.LatencySummary;
import dev.outboxstock.benchmark.measure.Machine;
import dev.outboxstock.benchmark.measure.ProcessCpu;
import dev.outboxstock.benchmark.measure.RelayProbe;
import dev.outboxstock.benchmark.measure.TopicArrivals;
import dev.outboxstock.benchmark.workload.OrderWorkload;
import dev.outboxstock.localstack.PostgresServer;
import dev.outboxstock.system.LocalSystem;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

/**
 * The CDC relay beside its baselines on identical rows (the stock requests of one seeded workload, routed to {@link
 * BenchmarkTopic}): throughput on a backlog against the raw Kafka producer and a polling relay, then latency and
 * database load at a steady rate against the polling relay at each of its poll intervals. Runs on an otherwise idle
 * system: the order relay is the real one, as the system runs it.
 */
public record RelayComparison(LocalSystem system, Settings settings, ProcessCpu cpu) {

    private static final Logger LOG = Logger.getLogger(RelayComparison.class);

    private static final String POLLING_DATABASE = "benchmark_polling";
    public static final int BACKLOG_ROWS_PER_TRANSACTION = 100;
    public static final int STEADY_ROWS_PER_TRANSACTION = 10;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /**
     * The longest the order relay is frozen while its backlog is written. It holds its right to stream through a
     * PostgreSQL session that the server ends after 10 s of silence ({@code relay.ha.lock-session-timeout}) and
     * checks it every second: a longer freeze would cost it the lock and a restart, and the figure would measure that.
     */
    public static final Duration MAX_FREEZE = Duration.ofSeconds(6);

    /** What to measure. */
    public record Settings(
            int backlogRows,
            int steadyRowsPerSecond,
            Duration steadyDuration,
            List<Duration> pollIntervals,
            int pollBatchSize,
            int products,
            long seed) {}

    /**
     * One relay at the steady rate.
     *
     * @param pollInterval empty for the CDC relay
     */
    public record SteadyRun(String relay, Duration pollInterval, LatencySummary latency, DatabaseLoad.Usage database) {}

    /**
     * Rows per second on the backlog, and the steady runs; {@code loadAverage} when it ended.
     *
     * @param backlogRows the backlog each relay drained: what was written within {@link #MAX_FREEZE}, at most the
     *     settings' backlog
     * @param freeze how long the order relay was frozen while its backlog was written
     * @param cdcBacklogCpu every process's CPU from the relay's release to the backlog's last record consumed
     * @param cdcCommitToAck the CDC relay's own histogram over its steady run: from commit to Kafka's ack
     */
    public record Figures(
            Settings settings,
            int backlogRows,
            Duration freeze,
            double cdcRowsPerSecond,
            CpuUsage cdcBacklogCpu,
            double pollingRowsPerSecond,
            double rawProducerRowsPerSecond,
            SteadyRun cdc,
            HistogramBuckets cdcCommitToAck,
            List<SteadyRun> polling,
            String loadAverage) {

        /** The poll interval with the lowest 99th percentile. */
        public SteadyRun bestPolling() {
            return polling.stream()
                    .min(Comparator.comparingDouble(run -> run.latency().p99()))
                    .orElseThrow();
        }
    }

    public Figures run() throws Exception {
        postgres().execute("postgres", "CREATE DATABASE " + POLLING_DATABASE);
        postgres().execute(POLLING_DATABASE, PollingRelay.SCHEMA);
        warmUp();
        FrozenBacklog backlog;
        double cdcBacklog;
        CpuUsage cdcBacklogCpu;
        try (TopicArrivals arrivals = new TopicArrivals(kafka(), BenchmarkTopic.NAME)) {
            backlog = writeFrozenBacklog();
            ProcessCpu.Span span = cpu.start();
            cdcBacklog = arrivals.rateOnceArrived(backlog.rows(), TIMEOUT);
            cdcBacklogCpu = span.end();
        }
        int backlogRows = backlog.rows();
        LOG.infof(
                "CDC relay: %,.0f rows/s on a backlog of %,d rows (frozen %s)",
                cdcBacklog, backlogRows, backlog.freeze());
        double rawProducer = rawProducerRate(backlogRows);
        LOG.infof("Raw Kafka producer: %,.0f rows/s", rawProducer);
        double pollingBacklog = pollingBacklogRate(backlogRows);
        LOG.infof("Polling relay: %,.0f rows/s on a backlog", pollingBacklog);

        SteadyRun cdc;
        RelayProbe probe = new RelayProbe(system.orderRelay());
        HistogramBuckets before = probe.commitToAck();
        try (Connection orders = postgres().connect(LocalSystem.ORDERS_DATABASE)) {
            cdc = steadyRun("CDC relay", Duration.ZERO, StockRequestRowWriter.deletingAfterInsert(orders));
        }
        HistogramBuckets cdcCommitToAck = probe.commitToAck().minus(before);
        List<SteadyRun> polling = new ArrayList<>();
        for (Duration interval : settings.pollIntervals()) {
            truncatePollingTable();
            try (Connection writer = postgres().connect(POLLING_DATABASE);
                    Connection poller = postgres().connect(POLLING_DATABASE);
                    Producer<String, String> producer = RelayProducer.create(kafka(), "polling-relay");
                    PollingRelay relay = new PollingRelay(poller, producer, settings.pollBatchSize(), interval)) {
                polling.add(steadyRun("polling relay", interval, StockRequestRowWriter.forPolling(writer)));
            }
        }
        return new Figures(
                settings,
                backlogRows,
                backlog.freeze(),
                cdcBacklog,
                cdcBacklogCpu,
                pollingBacklog,
                rawProducer,
                cdc,
                cdcCommitToAck,
                polling,
                Machine.loadAverage());
    }

    /**
     * A fifth of the backlog through each relay and the raw producer first, so that each is measured with its code
     * compiled (JIT), not while it warms up.
     */
    private void warmUp() throws Exception {
        int rows = settings.backlogRows() / 5;
        RelayProbe probe = new RelayProbe(system.orderRelay());
        long before = probe.relayed();
        try (Connection orders = postgres().connect(LocalSystem.ORDERS_DATABASE)) {
            writeBacklog(StockRequestRowWriter.deletingAfterInsert(orders), rows);
        }
        probe.awaitRelayed(before + rows, TIMEOUT);
        rawProducerRate(rows);
        pollingBacklogRate(rows);
    }

    /**
     * Freezes the order relay (SIGSTOP: it keeps its connections, its JIT-compiled code and its lock) and writes
     * the backlog until it is complete or {@link #MAX_FREEZE} has passed; returns the rows written. The relay
     * drains them once let go.
     */
    private FrozenBacklog writeFrozenBacklog() throws Exception {
        long frozen = System.nanoTime();
        long deadline = frozen + MAX_FREEZE.toNanos();
        int written = 0;
        system.orderRelay().pause();
        try (Connection orders = postgres().connect(LocalSystem.ORDERS_DATABASE)) {
            StockRequestRowWriter writer = StockRequestRowWriter.deletingAfterInsert(orders);
            StockRequestRow.Source source = backlogRows();
            while (written < settings.backlogRows() && System.nanoTime() < deadline) {
                int rows = Math.min(BACKLOG_ROWS_PER_TRANSACTION, settings.backlogRows() - written);
                writer.commit(source.next(rows));
                written += rows;
            }
        } finally {
            system.orderRelay().resume();
        }
        return new FrozenBacklog(written, Duration.ofNanos(System.nanoTime() - frozen));
    }

    /** A backlog written while the relay was frozen. */
    private record FrozenBacklog(int rows, Duration freeze) {}

    /** The same records sent straight to Kafka, with the relay's producer settings: the relay's upper bound. */
    private double rawProducerRate(int rows) throws Exception {
        try (Producer<String, String> producer = RelayProducer.create(kafka(), "raw-producer")) {
            long started = System.nanoTime();
            for (StockRequestRow row : backlogRows().next(rows)) {
                producer.send(RelayProducer.record(row.id(), row.key(), row.payload(), System.currentTimeMillis()));
            }
            producer.flush();
            return rows / seconds(System.nanoTime() - started);
        }
    }

    /** The same backlog in the polling relay's table; from its first poll to its last row marked sent. */
    private double pollingBacklogRate(int rows) throws Exception {
        truncatePollingTable();
        try (Connection writer = postgres().connect(POLLING_DATABASE)) {
            writeBacklog(StockRequestRowWriter.forPolling(writer), rows);
        }
        Duration fastest =
                settings.pollIntervals().stream().min(Comparator.naturalOrder()).orElseThrow();
        try (Connection poller = postgres().connect(POLLING_DATABASE);
                Producer<String, String> producer = RelayProducer.create(kafka(), "polling-relay")) {
            long started = System.nanoTime();
            try (PollingRelay relay = new PollingRelay(poller, producer, settings.pollBatchSize(), fastest)) {
                if (!Await.until(() -> relay.relayed() >= rows, TIMEOUT)) {
                    throw new IllegalStateException("The polling relay did not relay its backlog in " + TIMEOUT);
                }
                return rows / seconds(System.nanoTime() - started);
            }
        }
    }

    private void writeBacklog(StockRequestRowWriter writer, int rows) throws SQLException {
        StockRequestRow.Source source = backlogRows();
        for (int written = 0; written < rows; written += BACKLOG_ROWS_PER_TRANSACTION) {
            writer.commit(source.next(Math.min(BACKLOG_ROWS_PER_TRANSACTION, rows - written)));
        }
    }

    /**
     * Rows at a steady rate, {@value #STEADY_ROWS_PER_TRANSACTION} per transaction, for the set duration; latency
     * from each commit's return to the record's arrival, and what the database spent meanwhile.
     */
    private SteadyRun steadyRun(String relay, Duration pollInterval, StockRequestRowWriter writer) throws Exception {
        StockRequestRow.Source rows =
                new StockRequestRow.Source(new OrderWorkload(settings.seed() + 1, settings.products()));
        long transactions =
                settings.steadyRowsPerSecond() * settings.steadyDuration().toSeconds() / STEADY_ROWS_PER_TRANSACTION;
        try (CommitToConsumeLatency latency = new CommitToConsumeLatency(kafka(), BenchmarkTopic.NAME);
                Connection statistics = postgres().connect("postgres")) {
            DatabaseLoad.Span span = new DatabaseLoad(postgres().processHandle(), statistics).start();
            FixedRate schedule = new FixedRate(settings.steadyRowsPerSecond() / (double) STEADY_ROWS_PER_TRANSACTION);
            for (long i = 0; i < transactions; i++) {
                schedule.awaitDue(i);
                latency.committed(writer.commit(rows.next(STEADY_ROWS_PER_TRANSACTION)));
            }
            DatabaseLoad.Usage usage = span.end();
            if (!latency.awaitAllReceived(TIMEOUT)) {
                throw new IllegalStateException(
                        relay + " did not deliver " + latency.missing() + " rows within " + TIMEOUT);
            }
            SteadyRun run = new SteadyRun(relay, pollInterval, latency.take(), usage);
            LOG.infof("%s %s: %s, %s", relay, pollInterval, run.latency(), usage);
            return run;
        }
    }

    private PostgresServer postgres() {
        return system.stack().postgres().orElseThrow();
    }

    private String kafka() {
        return system.stack().kafka().orElseThrow().bootstrapServers();
    }

    private StockRequestRow.Source backlogRows() {
        return new StockRequestRow.Source(new OrderWorkload(settings.seed(), settings.products()));
    }

    private void truncatePollingTable() {
        postgres().execute(POLLING_DATABASE, "TRUNCATE " + PollingRelay.TABLE);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
