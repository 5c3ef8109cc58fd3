package dev.outboxstock.order.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.localstack.FreePort;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.PostgresServer;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.localstack.testing.ServiceEndpoints;
import dev.outboxstock.order.CustomerOrders;
import dev.outboxstock.order.OrdersDatabase;
import dev.outboxstock.order.StockLevelProducer;
import dev.outboxstock.token.JwksServer;
import dev.outboxstock.token.TestTokens;
import dev.outboxstock.token.TokenIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged order-service, restarted: its view of the stock levels is gone with the process, and the new process
 * rebuilds it from the compacted topic's beginning, so a product sold out before the restart is refused after it
 * without any level published since. (A consumer that resumed from committed offsets would never see that level
 * again, and let every order through.)
 */
class SoldOutDoorRestartIT {

    private static final Path APPLICATION = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path LOGS = Path.of("target", "door-restart-it-logs");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aRestartedServiceRefusesAProductSoldOutBeforeTheRestart() throws Exception {
        try (LocalStack stack =
                        LocalStack.builder().databases(OrdersDatabase.NAME).start();
                JwksServer jwks = JwksServer.start(TestTokens.issuer())) {
            OrdersDatabase database = new OrdersDatabase(stack);
            // No relay runs here: the slot it would create, without which the outbox takes no events.
            database.execute("SELECT pg_create_logical_replication_slot('outbox_slot', 'pgoutput')");
            ServiceProcess orders = start(stack, jwks);
            String product = "restart-" + UUID.randomUUID();
            String unknown = "restart-unknown-" + UUID.randomUUID();
            try (StockLevelProducer levels =
                    new StockLevelProducer(stack.kafka().orElseThrow().bootstrapServers())) {
                levels.send(product, 5);
                levels.send(product, 0);
            }
            await().atMost(TIMEOUT).until(() -> place(orders, product) == 409);

            orders.restart();

            await().atMost(TIMEOUT).until(() -> place(orders, product) == 409);
            assertThat(ServiceEndpoints.sum(
                            ServiceEndpoints.get(orders, ServiceEndpoints.METRICS)
                                    .body(),
                            "orders_refused_sold_out_total"))
                    .as("refused by the restarted process")
                    .isPositive();
            assertThat(place(orders, unknown))
                    .as("a product the view does not know passes")
                    .isEqualTo(201);
        }
    }

    /** Places an order of one unit of the product as the customer; the answer's status. */
    private static int place(ServiceProcess orders, String product) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(orders.baseUri() + "/orders"))
                .header("Authorization", "Bearer " + TestTokens.customer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CustomerOrders.body(CustomerOrders.line(product, 1))))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static ServiceProcess start(LocalStack stack, JwksServer jwks) {
        PostgresServer postgres = stack.postgres().orElseThrow();
        return ServiceProcess.start(
                stack,
                "order-service",
                APPLICATION,
                Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(OrdersDatabase.NAME),
                        "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                        "QUARKUS_DATASOURCE_PASSWORD", postgres.password(),
                        "KAFKA_BOOTSTRAP_SERVERS", stack.kafka().orElseThrow().bootstrapServers(),
                        "AUTH_ISSUER", TokenIssuer.TEST_ISSUER,
                        "AUTH_JWKS_URL", jwks.url().toString()),
                FreePort.find(),
                LOGS);
    }
}
