package dev.outboxstock.reliability;

import dev.outboxstock.system.LocalSystem;
import dev.outboxstock.system.LocalSystemBuilder;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The system the reliability suite attacks, shared by its test classes: two inventory-service replicas and two
 * relays per database, so that a replica or the streaming relay can die while the others carry on. order-service's
 * reconciliation asks again after 5 s rather than a minute (a round each second), so that a scenario of minutes sees
 * as many rounds as an outage of hours would. It stops when the test JVM exits.
 */
final class ReliabilitySystem {

    /** The first pause before order-service asks inventory again about an unanswered line. */
    static final Duration ASK_AGAIN_AFTER = Duration.ofSeconds(5);

    private static LocalSystem system;

    private ReliabilitySystem() {}

    static synchronized LocalSystem get() {
        if (system == null) {
            system = builder(Path.of("target", "service-logs")).start();
        }
        return system;
    }

    /** A system as every test class of the suite runs one: replicas to fail over to, and the shortened pauses. */
    static LocalSystemBuilder builder(Path logDir) {
        return LocalSystem.builder()
                .logDir(logDir)
                .inventoryReplicas(2)
                .relayReplicas(2)
                .environment("ORDERS_RECONCILIATION_INTERVAL", "1s")
                .environment("ORDERS_RECONCILIATION_ASK_AGAIN_AFTER", ASK_AGAIN_AFTER.toString())
                // Scarce products must keep reaching inventory, so that faults meet refusals and compensations too:
                // the sold-out check would refuse most of those orders at the door once the products are gone.
                .environment("ORDERS_SOLD_OUT_CHECK_ENABLED", "false");
    }
}
