package dev.outboxstock.reliability;

import dev.outboxstock.system.LocalSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The system on a production-like Kafka: three brokers, every topic replicated three times with
 * {@code min.insync.replicas} 2. The broker leading a busy partition dies; the promises hold all the same.
 */
class ThreeKafkaBrokersIT {

    private static LocalSystem system;

    @BeforeAll
    static void startSystem() {
        system = ReliabilitySystem.builder(Path.of("target", "service-logs-three-brokers"))
                .stack(stack -> stack.kafkaNodes(3))
                .start();
    }

    @AfterAll
    static void stopSystem() {
        FaultScenario.REPORT.write();
        system.close();
    }

    @Test
    void theSystemConvergesAndKeepsItsPromisesWhenABusyPartitionsLeaderDies() throws Exception {
        new FaultScenario(system).run(Fault.killLeaderOfABusyStockPartition());
    }
}
