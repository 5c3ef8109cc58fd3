package dev.outboxstock.system;

import dev.outboxstock.localstack.LocalStack;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The options of a {@link LocalSystem}: how many of what, and where logs go. */
public final class LocalSystemBuilder {

    private Path logDir = Path.of("target", "service-logs");
    private int inventoryReplicas = 1;
    private int relayReplicas = 1;
    private Optional<Integer> inventoryConsumers = Optional.empty();
    private boolean withOperationsConsole = true;
    private Consumer<LocalStack.Builder> stackSettings = settings -> {};
    private final Map<String, String> commonEnvironment = new HashMap<>();

    LocalSystemBuilder() {}

    public LocalSystemBuilder logDir(Path logDir) {
        this.logDir = logDir;
        return this;
    }

    public LocalSystemBuilder inventoryReplicas(int replicas) {
        this.inventoryReplicas = replicas;
        return this;
    }

    /** Consumers of the stock topic in each inventory-service process (its configured default otherwise). */
    public LocalSystemBuilder inventoryConsumers(int consumers) {
        this.inventoryConsumers = Optional.of(consumers);
        return this;
    }

    /** Relays per database: one streams, the others stand by. */
    public LocalSystemBuilder relayReplicas(int replicas) {
        this.relayReplicas = replicas;
        return this;
    }

    /** Leaves out the operations console: a measurement of the data path needs no idle JVM beside it. */
    public LocalSystemBuilder withoutOperationsConsole() {
        this.withOperationsConsole = false;
        return this;
    }

    /** An environment variable for every service and relay, for example where to export traces. */
    public LocalSystemBuilder environment(String name, String value) {
        commonEnvironment.put(name, value);
        return this;
    }

    /** Adjusts the servers, for example the stock topic's partition count. */
    public LocalSystemBuilder stack(Consumer<LocalStack.Builder> settings) {
        this.stackSettings = settings;
        return this;
    }

    public LocalSystem start() {
        return new StartSequence(
                        logDir,
                        inventoryReplicas,
                        relayReplicas,
                        inventoryConsumers,
                        withOperationsConsole,
                        stackSettings,
                        new HashMap<>(commonEnvironment))
                .start();
    }
}
