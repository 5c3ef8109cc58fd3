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
            system = LocalSystem.start(Path.of("target", "service-logs"));
        }
        return system;
    }
}
