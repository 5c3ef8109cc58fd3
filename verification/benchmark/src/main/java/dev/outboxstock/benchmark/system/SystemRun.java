package dev.outboxstock.benchmark.system;

import dev.outboxstock.benchmark.BenchmarkProfile;
import dev.outboxstock.benchmark.flashsale.FlashSaleComparison;
import dev.outboxstock.benchmark.flashsale.RawStockUpdate;
import dev.outboxstock.benchmark.load.ClosedLoopLoad;
import dev.outboxstock.benchmark.load.LoadResult;
import dev.outboxstock.benchmark.load.OpenLoopLoad;
import dev.outboxstock.benchmark.load.OrderPoster;
import dev.outboxstock.benchmark.measure.CpuUsage;
import dev.outboxstock.benchmark.measure.FsyncRate;
import dev.outboxstock.benchmark.measure.HistogramBuckets;
import dev.outboxstock.benchmark.measure.Machine;
import dev.outboxstock.benchmark.measure.OrderSettlement;
import dev.outboxstock.benchmark.measure.PipelineLatency;
import dev.outboxstock.benchmark.measure.ProcessCpu;
import dev.outboxstock.benchmark.measure.RelayProbe;
import dev.outboxstock.benchmark.measure.ResidentMemory;
import dev.outboxstock.benchmark.measure.ServiceMetrics;
import dev.outboxstock.benchmark.relay.BenchmarkTopic;
import dev.outboxstock.benchmark.relay.RelayComparison;
import dev.outboxstock.benchmark.workload.OrderWorkload;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.system.LocalSystem;
import dev.outboxstock.system.client.InventoryClient;
import dev.outboxstock.token.Role;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jboss.logging.Logger;

/**
 * One fresh local system with a given number of stock topic partitions (and as many inventory consumers), measured
 * under load: the relay comparison first while it is idle (when asked), then rising open-loop rates of {@code POST
 * /orders} until one is not sustained, inventory's drain rate, and (when asked) the database's own ceilings, the
 * flash sale, and last the closed-loop clients beside the raw JDBC baseline.
 */
public final class SystemRun {

    private static final Logger LOG = Logger.getLogger(SystemRun.class);

    /** Every product starts with this much stock: no order is refused, every line takes the same path. */
    private static final int STOCK_PER_PRODUCT = 1_000_000_000;
    /** After a rate that was not sustained, the backlog left must clear before the next measurement. */
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);
    /** Agroal's high-water mark of connections in use. */
    private static final String POOL_PEAK_GAUGE = "agroal_max_used_count";

    /** After a step's lines were applied, until each of its orders has its final status. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The orders accepted by {@code clients} closed-loop clients, and by the raw JDBC baseline with order-service's
     * pool size in connections, over the same time, each with the CPU every process spent meanwhile.
     *
     * @param poolPeak the most connections order-service's pool held at once since it started (its own gauge, read
     *     once after the runs): what its pool size is measured against
     */
    public record OrderIntake(
            int clients,
            LoadResult post,
            CpuUsage postCpu,
            int connections,
            LoadResult rawJdbc,
            CpuUsage rawJdbcCpu,
            long poolPeak) {}

    /**
     * What PostgreSQL on this machine can do at best, whatever the design: the disk's flushes per second
     * ({@code pg_test_fsync}, empty if it could not run) and single-row conditional updates on one connection.
     */
    public record DatabaseCeilings(OptionalDouble fdatasyncPerSecond, RawStockUpdate.Result rawUpdate) {}

    /**
     * What one system measured.
     *
     * @param peakMemoryMiB each process's peak resident memory during the rate steps
     */
    public record Result(
            int partitions,
            List<RateStep> steps,
            InventoryDrain inventory,
            Map<String, Long> peakMemoryMiB,
            Optional<RelayComparison.Figures> relays,
            Optional<OrderIntake> intake,
            Optional<DatabaseCeilings> ceilings,
            Optional<FlashSaleComparison.Figures> flashSale,
            String loadAverage) {

        /** The highest target rate sustained, or 0. */
        public int maxSustainedRate() {
            return steps.stream()
                    .filter(RateStep::sustained)
                    .mapToInt(step -> (int) step.post().targetRate())
                    .max()
                    .orElse(0);
        }
    }

    private final BenchmarkProfile profile;
    private final int partitions;
    private final boolean withComparisons;
    private final LatencyBudget budget = LatencyBudget.DEFAULT;
    private final OrderWorkload workload;
    private long linesPlaced;

    public SystemRun(BenchmarkProfile profile, int partitions, boolean withComparisons) {
        this.profile = profile;
        this.partitions = partitions;
        this.withComparisons = withComparisons;
        this.workload = new OrderWorkload(BenchmarkProfile.SEED, profile.products());
    }

    public Result run(Path logDir) throws Exception {
        LOG.infof("Starting the system with %d partitions", partitions);
        try (LocalSystem system = LocalSystem.builder()
                        .stack(stack -> stack.stockTopicPartitions(partitions).topic(BenchmarkTopic.NAME, partitions))
                        .inventoryConsumers(partitions)
                        .logDir(logDir.resolve(partitions + "-partitions"))
                        // The benchmark measures the data path; an operations console would be one more JVM beside it.
                        .withoutOperationsConsole()
                        // The flash sale sells less stock than it orders: with the sold-out check on the late orders
                        // would be refused before the pipeline, which the committed figures never measured.
                        .environment("ORDERS_SOLD_OUT_CHECK_ENABLED", "false")
                        .start();
                PipelineLatency pipeline =
                        new PipelineLatency(system.stack().kafka().orElseThrow().bootstrapServers());
                ResidentMemory memory = new ResidentMemory(processes(system));
                OrderPoster poster =
                        new OrderPoster(system.orderService().baseUri(), system.token(Role.CUSTOMER, "benchmark"));
                Connection orders = system.stack().postgres().orElseThrow().connect(LocalSystem.ORDERS_DATABASE)) {
            ProcessCpu cpu = new ProcessCpu(
                    processes(system), system.stack().postgres().orElseThrow().processHandle());
            OrderSettlement settlement = new OrderSettlement(orders);
            seedStock(system);
            Optional<RelayComparison.Figures> relays = withComparisons
                    ? Optional.of(new RelayComparison(system, profile.relays(), cpu).run())
                    : Optional.empty();
            OpenLoopLoad openLoop = new OpenLoopLoad(poster, workload);
            warmUp(openLoop, pipeline, memory);
            List<RateStep> steps = rateSteps(openLoop, pipeline, new RelayProbe(system.orderRelay()), settlement, cpu);
            Map<String, Long> peakMemory = memory.takePeaksMiB();
            InventoryDrain inventory = inventoryDrain(system, pipeline, cpu);
            Optional<OrderIntake> intake = Optional.empty();
            Optional<DatabaseCeilings> ceilings = Optional.empty();
            Optional<FlashSaleComparison.Figures> flashSale = Optional.empty();
            if (withComparisons) {
                // Those that want an idle system first: the raw JDBC baseline leaves a backlog behind it.
                ceilings = Optional.of(databaseCeilings(system, cpu));
                flashSale = Optional.of(flashSale(system, poster, pipeline, settlement, cpu));
                intake = Optional.of(orderIntake(system, poster, pipeline, cpu));
            }
            return new Result(
                    partitions,
                    steps,
                    inventory,
                    peakMemory,
                    relays,
                    intake,
                    ceilings,
                    flashSale,
                    Machine.loadAverage());
        }
    }

    /** The first rate for a while, so that every JVM has compiled its hot code; nothing of it is reported. */
    private void warmUp(OpenLoopLoad openLoop, PipelineLatency pipeline, ResidentMemory memory) throws Exception {
        placed(openLoop.run(profile.rates().get(0), profile.warmUp()));
        catchUp(pipeline);
        pipeline.takeCommitToKafka();
        pipeline.takeCommitToApplied();
        memory.takePeaksMiB();
    }

    /** Rising rates until one is not sustained; each step's lines are applied before the next begins. */
    private List<RateStep> rateSteps(
            OpenLoopLoad openLoop,
            PipelineLatency pipeline,
            RelayProbe relay,
            OrderSettlement settlement,
            ProcessCpu cpu)
            throws Exception {
        List<RateStep> steps = new ArrayList<>();
        for (int rate : profile.rates()) {
            HistogramBuckets relayBefore = relay.commitToAck();
            Instant stepStarted = Instant.now();
            ProcessCpu.Span span = cpu.start();
            LoadResult post = placed(openLoop.run(rate, profile.stepDuration()));
            boolean drained = pipeline.awaitApplied(linesPlaced, budget.drainTimeout());
            // A late line still counts, with its whole latency: the step's figures cover every line it placed.
            catchUp(pipeline);
            OrderSettlement.Settlement settled =
                    settlement.awaitSettled(OrderSettlement.Selection.createdSince(stepStarted), SETTLE_TIMEOUT);
            RateStep step = budget.judge(
                    post,
                    pipeline.takeCommitToKafka(),
                    relay.commitToAck().minus(relayBefore),
                    pipeline.takeCommitToApplied(),
                    settled.latency(),
                    settled.pending(),
                    span.end(),
                    drained);
            LOG.infof(
                    "%d partitions, %d orders/s: POST %s; commit->Kafka %s; commit->applied %s; accepted->settled %s;"
                            + " %s",
                    partitions,
                    rate,
                    post.responseTime(),
                    step.commitToKafka(),
                    step.commitToApplied(),
                    step.orderSettled(),
                    step.breach().orElse("sustained"));
            steps.add(step);
            if (!step.sustained()) {
                break;
            }
        }
        return steps;
    }

    private InventoryDrain inventoryDrain(LocalSystem system, PipelineLatency pipeline, ProcessCpu cpu)
            throws Exception {
        RawOrderInsert writer = new RawOrderInsert(system.stack().postgres().orElseThrow(), workload);
        InventoryDrain inventory =
                InventoryDrain.measure(system, writer, profile.inventoryBacklogOrders(), cpu, pipeline, linesPlaced);
        linesPlaced += inventory.events();
        LOG.infof("%d partitions: inventory applied %,.0f events/s", partitions, inventory.eventsPerSecond());
        catchUp(pipeline);
        return inventory;
    }

    /**
     * The closed-loop clients, then the raw JDBC baseline on the same orders for as long; each one's CPU over its
     * span. Every relay is frozen meanwhile, so that neither run pays for the pipeline behind it (relaying, inventory,
     * the outcomes) and the comparison is of the writes alone; the relays catch up afterwards.
     */
    private OrderIntake orderIntake(LocalSystem system, OrderPoster poster, PipelineLatency pipeline, ProcessCpu cpu)
            throws Exception {
        List<ServiceProcess> relays = new ArrayList<>(system.orderRelays());
        relays.addAll(system.inventoryRelays());
        LoadResult post;
        CpuUsage postCpu;
        LoadResult rawJdbc;
        CpuUsage rawJdbcCpu;
        relays.forEach(ServiceProcess::pause);
        try {
            ProcessCpu.Span postSpan = cpu.start();
            post = placed(new ClosedLoopLoad(poster, intakeOrders()).run(profile.clients(), profile.intakeDuration()));
            postCpu = postSpan.end();
            ProcessCpu.Span rawJdbcSpan = cpu.start();
            rawJdbc = placed(new RawOrderInsert(system.stack().postgres().orElseThrow(), intakeOrders())
                    .run(profile.rawJdbcConnections(), profile.intakeDuration()));
            rawJdbcCpu = rawJdbcSpan.end();
        } finally {
            relays.forEach(ServiceProcess::resume);
        }
        LOG.infof(
                "%d clients: %,.0f orders/s; raw JDBC: %,.0f orders/s",
                profile.clients(), post.acceptedRate(), rawJdbc.acceptedRate());
        long poolPeak = new ServiceMetrics(system.orderService()).gauge(POOL_PEAK_GAUGE);
        catchUp(pipeline);
        return new OrderIntake(
                profile.clients(), post, postCpu, profile.rawJdbcConnections(), rawJdbc, rawJdbcCpu, poolPeak);
    }

    /** The flash sale on an idle system; its orders are applied before anything else is measured. */
    private FlashSaleComparison.Figures flashSale(
            LocalSystem system,
            OrderPoster poster,
            PipelineLatency pipeline,
            OrderSettlement settlement,
            ProcessCpu cpu)
            throws Exception {
        FlashSaleComparison.Figures figures =
                new FlashSaleComparison(system, poster, settlement, cpu, profile.flashSale()).run();
        placed(figures.hotProduct().post());
        placed(figures.spread().post());
        catchUp(pipeline);
        return figures;
    }

    /** Measured while the system is idle; the data directory's parent is the server's own, on the same disk. */
    private DatabaseCeilings databaseCeilings(LocalSystem system, ProcessCpu cpu) throws Exception {
        ProcessHandle postmaster = system.stack().postgres().orElseThrow().processHandle();
        OptionalDouble fsync =
                FsyncRate.measure(postmaster, system.stack().workDir().resolve("postgres"));
        RawStockUpdate.Result rawUpdate = new RawStockUpdate(
                        system.stack().postgres().orElseThrow(), cpu)
                .run(profile.flashSale().rawUpdates());
        LOG.infof(
                "pg_test_fsync: %s fdatasync/s; raw single-row UPDATE: %,.0f/s",
                fsync.isPresent() ? String.format("%,.0f", fsync.getAsDouble()) : "n/a", rawUpdate.perSecond());
        return new DatabaseCeilings(fsync, rawUpdate);
    }

    /** The same orders for both intake measurements. */
    private OrderWorkload intakeOrders() {
        return new OrderWorkload(BenchmarkProfile.INTAKE_SEED, profile.products());
    }

    private LoadResult placed(LoadResult result) {
        linesPlaced += result.linesAccepted();
        return result;
    }

    private void catchUp(PipelineLatency pipeline) throws InterruptedException {
        if (!pipeline.awaitApplied(linesPlaced, CATCH_UP_TIMEOUT)) {
            throw new IllegalStateException("Inventory applied " + pipeline.applied() + " of " + linesPlaced
                    + " order lines within " + CATCH_UP_TIMEOUT);
        }
    }

    private void seedStock(LocalSystem system) {
        InventoryClient inventory = system.stockAdminInventory();
        workload.productIds().forEach(product -> inventory.setStock(product, STOCK_PER_PRODUCT));
    }

    private static Map<String, ProcessHandle> processes(LocalSystem system) {
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        processes.put("order-service", system.orderService().processHandle());
        processes.put("inventory-service", system.inventoryService().processHandle());
        processes.put("order relay", system.orderRelay().processHandle());
        processes.put("inventory relay", system.inventoryRelay().processHandle());
        processes.put("Kafka broker", system.stack().kafka().orElseThrow().processHandle());
        return processes;
    }
}
