package dev.outboxstock.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.system.LocalSystem;
import dev.outboxstock.system.client.InventoryClient;
import dev.outboxstock.system.client.OrderClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Steady order load through the whole system, every component its own process, and one fault per scenario during
 * the load. After each, the system must converge and keep every promise: no accepted order lost or stuck, stock
 * conserved, nothing applied twice, stock never below zero, and the replication slots back to little WAL.
 */
class FaultScenariosIT {

    private static final int ORDERS_PER_SECOND = 12;
    private static final Duration BEFORE_FAULT = Duration.ofSeconds(5);
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(5);
    private static final Duration CONVERGE_TIMEOUT = Duration.ofMinutes(3);
    private static final long SMALL_WAL_BYTES = 64L * 1024 * 1024;
    private static final ReliabilityReport REPORT = new ReliabilityReport();

    private static LocalSystem system;
    private static SystemAudit audit;
    private static OrderClient orders;
    private static InventoryClient inventory;

    @BeforeAll
    static void startSystem() {
        system = ReliabilitySystem.get();
        audit = new SystemAudit(system);
        orders = new OrderClient(system.orderService().baseUri());
        inventory = new InventoryClient(system.inventoryService().baseUri());
    }

    @AfterAll
    static void writeReport() {
        REPORT.write();
    }

    static List<Fault> faults() {
        return Fault.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void theSystemConvergesAndKeepsItsPromises(Fault fault) throws Exception {
        String prefix = "rel-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<String, Integer> initialStock = stockUp(prefix);

        OrderLoad load = OrderLoad.start(orders, List.copyOf(initialStock.keySet()), ORDERS_PER_SECOND);
        Thread.sleep(BEFORE_FAULT.toMillis());
        fault.inject().apply(system);
        Thread.sleep(fault.outage().toMillis());
        fault.recover().apply(system);
        Thread.sleep(AFTER_RECOVERY.toMillis());
        OrderLoad.Result result = load.stop();

        long convergeStarted = System.nanoTime();
        await().atMost(CONVERGE_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> audit.unsettled(prefix) == 0
                        && audit.unconserved(initialStock).isEmpty());
        Duration converged = Duration.ofNanos(System.nanoTime() - convergeStarted);
        await().atMost(Duration.ofMinutes(1)).until(() -> audit.largestRetainedWal() < SMALL_WAL_BYTES);

        Map<String, Long> statuses = audit.statusCounts(prefix);
        ReliabilityReport.Row row = new ReliabilityReport.Row(
                fault.name(),
                result.sent(),
                result.accepted().size(),
                statuses.getOrDefault("CONFIRMED", 0L),
                statuses.getOrDefault("REJECTED", 0L),
                audit.lost(result.accepted()),
                audit.doubleApplied(prefix),
                audit.historyViolations(prefix),
                result.failures().values().stream().mapToInt(Integer::intValue).sum(),
                converged);
        REPORT.add(row);

        assertThat(result.accepted()).as("orders accepted during the scenario").isNotEmpty();
        assertThat(row.lost()).as("accepted orders lost or not settled").isZero();
        assertThat(row.doubleApplied()).as("effects applied twice").isZero();
        assertThat(row.historyViolations())
                .as("stock history steps wrong or below zero")
                .isZero();
        assertThat(statuses).as("orders still pending").doesNotContainKey("PENDING");
    }

    /** Fresh products for one scenario: some plentiful, some scarce, so orders are both confirmed and rejected. */
    private static Map<String, Integer> stockUp(String prefix) {
        Map<String, Integer> stock = new LinkedHashMap<>();
        List<Integer> levels = new ArrayList<>(List.of(1_000, 1_000, 1_000, 25, 25, 10));
        for (int i = 0; i < levels.size(); i++) {
            String product = prefix + i;
            inventory.setStock(product, levels.get(i));
            stock.put(product, levels.get(i));
        }
        return stock;
    }
}
