package dev.outboxstock.inventory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.inventory.InventoryDatabase;
import dev.outboxstock.inventory.StockEventProducer;
import dev.outboxstock.localstack.FreePort;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.PostgresServer;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.localstack.testing.ServiceEndpoints;
import dev.outboxstock.token.TokenIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged inventory-service (SIGKILL) while it consumes, so that it dies after committing database
 * transactions whose offsets it had not committed yet; the restarted service receives those records again.
 */
class ConsumerCrashIT {

    private static final Path APPLICATION = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path LOGS = Path.of("target", "crash-it-logs");
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final int PRODUCTS = 10;
    private static final int DECREASES_PER_PRODUCT = 300;
    private static final int INITIAL_STOCK = 1_000;
    private static final Pattern DUPLICATE_COUNTER =
            Pattern.compile("inventory_stock_events_total\\{[^}]*result=\"duplicate\"[^}]*} ([0-9.E]+)");

    @Test
    void everyEventIsAppliedExactlyOnceAcrossAKillBetweenDatabaseCommitAndOffsetCommit() throws Exception {
        try (LocalStack stack =
                LocalStack.builder().databases(InventoryDatabase.NAME).start()) {
            InventoryDatabase database = new InventoryDatabase(stack);
            // No relay runs here: the slot it would create, without which the outbox takes no events.
            database.execute("SELECT pg_create_logical_replication_slot('outbox_slot', 'pgoutput')");
            ServiceProcess inventory = start(stack);
            List<String> products =
                    IntStream.range(0, PRODUCTS).mapToObj(i -> "crash-" + i).toList();
            int total = PRODUCTS * DECREASES_PER_PRODUCT;
            try (StockEventProducer events =
                    new StockEventProducer(stack.kafka().orElseThrow().bootstrapServers())) {
                products.forEach(product -> events.replenish(UUID.randomUUID(), product, INITIAL_STOCK));
                for (int i = 0; i < DECREASES_PER_PRODUCT; i++) {
                    products.forEach(product -> events.decrease(UUID.randomUUID(), UUID.randomUUID(), product, 1));
                }
                events.flush();
            }
            await().atMost(TIMEOUT).until(() -> decreasesApplied(database) >= total / 5);

            inventory.kill();
            long appliedBeforeKill = decreasesApplied(database);
            ServiceProcess restarted = start(stack);

            await().atMost(TIMEOUT).until(() -> decreasesApplied(database) == total);
            products.forEach(product -> assertThat(database.available(product))
                    .as(product)
                    .isEqualTo(INITIAL_STOCK - DECREASES_PER_PRODUCT));
            assertThat(database.number("SELECT count(*) FROM processed_event")).isEqualTo(total + PRODUCTS);
            double redelivered = duplicatesSeenBy(restarted);
            System.out.printf(
                    "Killed after %d of %d decreases were applied; the restarted consumer received %.0f of them again"
                            + " and applied none twice.%n",
                    appliedBeforeKill, total, redelivered);
            assertThat(appliedBeforeKill).isLessThan(total);
            assertThat(redelivered)
                    .as("records delivered again after the crash")
                    .isPositive();
        }
    }

    private static ServiceProcess start(LocalStack stack) {
        PostgresServer postgres = stack.postgres().orElseThrow();
        return ServiceProcess.start(
                stack,
                "inventory-service",
                APPLICATION,
                Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(InventoryDatabase.NAME),
                        "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                        "QUARKUS_DATASOURCE_PASSWORD", postgres.password(),
                        "KAFKA_BOOTSTRAP_SERVERS", stack.kafka().orElseThrow().bootstrapServers(),
                        // The API is not called here, but the service does not start without an issuer to trust.
                        "AUTH_ISSUER", TokenIssuer.TEST_ISSUER,
                        "AUTH_JWKS_URL", "access-tokens/test-jwks.json"),
                FreePort.find(),
                LOGS);
    }

    private static long decreasesApplied(InventoryDatabase database) {
        return database.number("SELECT count(*) FROM stock_movement WHERE kind = 'DECREASE' AND outcome = 'APPLIED'");
    }

    private static double duplicatesSeenBy(ServiceProcess service) {
        String metrics = ServiceEndpoints.get(service, ServiceEndpoints.METRICS).body();
        Matcher matcher = DUPLICATE_COUNTER.matcher(metrics);
        double duplicates = 0;
        while (matcher.find()) {
            duplicates += Double.parseDouble(matcher.group(1));
        }
        return duplicates;
    }
}
