package dev.outboxstock.reliability;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Steady order load through the whole system, every component its own process, and one fault per scenario during
 * the load; see {@link FaultScenario} for what must hold afterwards.
 */
class FaultScenariosIT {

    private static FaultScenario scenario;

    @BeforeAll
    static void startSystem() {
        scenario = new FaultScenario(ReliabilitySystem.get());
    }

    @AfterAll
    static void writeReport() {
        FaultScenario.REPORT.write();
    }

    static List<Fault> faults() {
        return Fault.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void theSystemConvergesAndKeepsItsPromises(Fault fault) throws Exception {
        scenario.run(fault);
    }
}
