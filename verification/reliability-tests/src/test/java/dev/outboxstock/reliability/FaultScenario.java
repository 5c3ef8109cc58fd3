package dev.outboxstock.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.localstack.testing.ServiceEndpoints;
import dev.outboxstock.system.LocalSystem;
import dev.outboxstock.system.client.InventoryClient;
import dev.outboxstock.system.client.OrderClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One fault during steady order load through the whole system, then the checks: the system converges and keeps every
 * promise (no accepted order lost or stuck, stock conserved, nothing applied twice, stock never below zero, the
 * replication slots back to little WAL). Each run adds its row to the suite's one report.
 */
final class FaultScenario {

    static final ReliabilityReport REPORT = new ReliabilityReport();

    private static final int ORDERS_PER_SECOND = 12;
    private static final Duration BEFORE_FAULT = Duration.ofSeconds(5);
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(5);
    private static final Duration CONVERGE_TIMEOUT = Duration.ofMinutes(3);
    private static final long SMALL_WAL_BYTES = 64L * 1024 * 1024;

    private final LocalSystem system;
    private final SystemAudit audit;
    private final OrderClient orders;
    private final InventoryClient inventory;

    FaultScenario(LocalSystem system) {
        this.system = system;
        this.audit = new SystemAudit(system);
        this.orders = system.customerOrders();
        this.inventory = system.stockAdminInventory();
    }

    void run(Fault fault) throws Exception {
        String prefix = "rel-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Duration loadTime = BEFORE_FAULT.plus(fault.outage()).plus(AFTER_RECOVERY);
        Map<String, Integer> initialStock = stockUp(prefix, loadTime);

        long loadStarted = System.nanoTime();
        OrderLoad load = OrderLoad.start(orders, List.copyOf(initialStock.keySet()), ORDERS_PER_SECOND);
        Thread.sleep(BEFORE_FAULT.toMillis());
        Fault.Target target = new Fault.Target(system, List.copyOf(initialStock.keySet()));
        fault.inject().apply(target);
        Thread.sleep(fault.outage().toMillis());
        fault.recover().apply(target);
        Thread.sleep(AFTER_RECOVERY.toMillis());
        OrderLoad.Result result = load.stop();

        long convergeStarted = System.nanoTime();
        await().atMost(CONVERGE_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> audit.unsettled(prefix) == 0
                        && audit.unconserved(initialStock).isEmpty());
        Duration converged = Duration.ofNanos(System.nanoTime() - convergeStarted);
        Duration waitedAtMost = Duration.ofNanos(System.nanoTime() - loadStarted);
        await().atMost(Duration.ofMinutes(1)).until(() -> audit.largestRetainedWal() < SMALL_WAL_BYTES);

        Map<String, Long> statuses = audit.statusCounts(prefix);
        StockRequestCopies copies = StockRequestCopies.of(system, prefix);
        ReliabilityReport.Row row = new ReliabilityReport.Row(
                fault.name(),
                result.sent(),
                result.accepted().size(),
                statuses.getOrDefault("CONFIRMED", 0L),
                statuses.getOrDefault("REJECTED", 0L),
                audit.timedOut(prefix),
                audit.lost(result.accepted()),
                audit.doubleApplied(prefix),
                audit.historyViolations(prefix),
                result.failures().values().stream().mapToInt(Integer::intValue).sum(),
                copies.perLine(audit.orderLines(prefix)),
                copies.mostCopiesOfOne(),
                converged);
        REPORT.add(row);

        assertThat(result.accepted()).as("orders accepted during the scenario").isNotEmpty();
        assertThat(row.lost()).as("accepted orders lost or not settled").isZero();
        assertThat(row.timedOut()).as("orders rejected for waiting").isZero();
        assertThat(row.doubleApplied()).as("effects applied twice").isZero();
        assertThat(row.historyViolations())
                .as("stock history steps wrong or below zero")
                .isZero();
        assertThat(statuses).as("orders still pending").doesNotContainKey("PENDING");
        assertThat(row.mostCopiesOfOneRequest())
                .as("copies of one stock request over %s", waitedAtMost)
                .isLessThanOrEqualTo(mostCopiesAllowed(waitedAtMost));
        assertThat(notLive()).as("services whose liveness is not UP").isEmpty();
    }

    /**
     * The reconciliation's promise: a line unanswered for T is sent at most 2 + log2(T / ask-again-after) times; plus
     * one, for the batch a relay killed mid-send, or the rows a lost slot's recovery publishes, sends again.
     */
    static long mostCopiesAllowed(Duration unanswered) {
        double pauses = unanswered.toMillis() / (double) ReliabilitySystem.ASK_AGAIN_AFTER.toMillis();
        return (long) Math.floor(2 + Math.log(pauses) / Math.log(2)) + 1;
    }

    /**
     * The running services whose liveness check is not UP: an outage must never leave one dead for good (a consumer
     * channel failed after a long database outage, say), which an orchestrator would answer with a restart loop.
     */
    private List<String> notLive() {
        List<String> notLive = new ArrayList<>();
        for (ServiceProcess service : system.services()) {
            if (service.isAlive()
                    && ServiceEndpoints.get(service, ServiceEndpoints.LIVENESS).statusCode() != 200) {
                notLive.add(service.name());
            }
        }
        return notLive;
    }

    /**
     * Fresh products for one scenario: some plentiful (for as many orders as the load can send, so that a long outage
     * ends with stock left), some scarce, so orders are both confirmed and rejected.
     */
    private Map<String, Integer> stockUp(String prefix, Duration loadTime) {
        int plentiful = (int) Math.max(1_000, ORDERS_PER_SECOND * loadTime.toSeconds());
        Map<String, Integer> stock = new LinkedHashMap<>();
        List<Integer> levels = new ArrayList<>(List.of(plentiful, plentiful, plentiful, 25, 25, 10));
        for (int i = 0; i < levels.size(); i++) {
            String product = prefix + i;
            inventory.setStock(product, levels.get(i));
            stock.put(product, levels.get(i));
        }
        return stock;
    }
}
