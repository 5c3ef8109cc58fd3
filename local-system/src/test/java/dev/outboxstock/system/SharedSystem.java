package dev.outboxstock.system;

import java.nio.file.Path;

/**
 * One local system for all end-to-end tests of a run: starting it takes tens of seconds. It stops when the test JVM
 * exits (the local stack's shutdown hook stops the services gracefully, then the servers).
 */
final class SharedSystem {

    private static LocalSystem system;

    private SharedSystem() {}

    static synchronized LocalSystem get() {
        if (system == null) {
            // These tests follow orders through inventory's decisions, some beyond the stock: the sold-out door would
            // refuse those before inventory sees them (it is tested end to end by SoldOutDoorEndToEndIT).
            system = LocalSystem.builder()
                    .logDir(Path.of("target", "service-logs"))
                    .environment("ORDERS_SOLD_OUT_CHECK_ENABLED", "false")
                    .start();
        }
        return system;
    }
}
