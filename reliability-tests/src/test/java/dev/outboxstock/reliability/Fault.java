package dev.outboxstock.reliability;

import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.system.LocalSystem;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Something that goes wrong in production, done to the running system: what to break, how long it stays broken,
 * and how it comes back (as an orchestrator or an operator would bring it back).
 */
record Fault(String name, Duration outage, Step inject, Step recover) {

    private static final Pattern ACTIVE = Pattern.compile("\"role\"\\s*:\\s*\"ACTIVE\"");

    /** One step of a fault, done to the system. */
    @FunctionalInterface
    interface Step {
        void apply(LocalSystem system) throws Exception;
    }

    static List<Fault> all() {
        return List.of(
                new Fault(
                        "kill -9 the streaming order relay",
                        Duration.ofSeconds(8),
                        system -> activeRelay(system).kill(),
                        system -> deadOf(system.orderRelays()).restart()),
                new Fault(
                        "kill -9 an inventory-service replica",
                        Duration.ofSeconds(8),
                        system -> system.inventoryServices().get(0).kill(),
                        system -> system.inventoryServices().get(0).restart()),
                new Fault(
                        "kill -9 order-service",
                        Duration.ofSeconds(5),
                        system -> system.orderService().kill(),
                        system -> system.orderService().restart()),
                new Fault(
                        "stop the Kafka broker, start it again",
                        Duration.ofSeconds(10),
                        system -> system.stack().kafka().orElseThrow().stop(),
                        system -> system.stack().kafka().orElseThrow().restart()),
                new Fault(
                        "restart PostgreSQL",
                        Duration.ofSeconds(5),
                        system -> system.stack().postgres().orElseThrow().stop(),
                        system -> system.stack().postgres().orElseThrow().start()),
                new Fault(
                        "SIGSTOP an inventory-service replica beyond its session timeout",
                        Duration.ofSeconds(15),
                        system -> system.inventoryServices().get(1).pause(),
                        system -> system.inventoryServices().get(1).resume()));
    }

    /** The order relay that holds the stream (its health says ACTIVE); the other waits as STANDBY. */
    private static ServiceProcess activeRelay(LocalSystem system) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (ServiceProcess relay : system.orderRelays()) {
            String health = http.send(
                            HttpRequest.newBuilder(relay.baseUri().resolve("/q/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            if (ACTIVE.matcher(health).find()) {
                return relay;
            }
        }
        throw new IllegalStateException("No order relay is streaming");
    }

    private static ServiceProcess deadOf(List<ServiceProcess> replicas) {
        return replicas.stream()
                .filter(replica -> !replica.isAlive())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No replica was killed"));
    }

    @Override
    public String toString() {
        return name;
    }
}
