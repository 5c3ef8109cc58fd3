package dev.outboxstock.reliability;

import dev.outboxstock.system.LocalSystem;
import java.nio.file.Path;

/**
 * The system the reliability suite attacks, shared by its test classes: two inventory-service replicas and two
 * relays per database, so that a replica or the streaming relay can die while the others carry on. It stops when
 * the test JVM exits.
 */
final class ReliabilitySystem {

    private static LocalSystem system;

    private ReliabilitySystem() {}

    static synchronized LocalSystem get() {
        if (system == null) {
            system = LocalSystem.builder()
                    .logDir(Path.of("target", "service-logs"))
                    .inventoryReplicas(2)
                    .relayReplicas(2)
                    .start();
        }
        return system;
    }
}
