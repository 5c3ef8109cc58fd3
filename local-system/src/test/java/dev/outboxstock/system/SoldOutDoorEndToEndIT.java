package dev.outboxstock.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.system.client.InventoryClient;
import dev.outboxstock.system.client.OrderClient;
import dev.outboxstock.system.client.OrderClient.Line;
import dev.outboxstock.system.client.UnexpectedResponseException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The door with everything real: inventory publishes each level through its outbox and relay to stock-levels, and
 * order-service refuses what the level cannot serve, opening again when the stock is set higher.
 */
class SoldOutDoorEndToEndIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void theDoorClosesWhenTheLastUnitsAreTakenAndOpensWhenStockIsSetAgain() {
        try (LocalSystem system = LocalSystem.builder()
                .logDir(Path.of("target", "service-logs", "door"))
                .withoutOperationsConsole()
                .start()) {
            OrderClient orders = system.customerOrders();
            InventoryClient inventory = system.stockAdminInventory();
            String product = "door-" + UUID.randomUUID();
            inventory.setStock(product, 2);

            await().atMost(TIMEOUT).until(() -> status(orders, product, 3) == 409);
            OrderClient.Order lastUnits = orders.placeOrder(List.of(new Line(product, 2)));
            await().atMost(TIMEOUT)
                    .until(() -> orders.findOrder(lastUnits.id())
                            .orElseThrow()
                            .status()
                            .equals("CONFIRMED"));
            await().atMost(TIMEOUT).until(() -> status(orders, product, 1) == 409);
            assertThat(inventory.available(product)).isZero();

            inventory.setStock(product, 5);
            await().atMost(TIMEOUT).until(() -> status(orders, product, 1) == 201);
        }
    }

    /** The answer's status to an order of this many units of the product. */
    private static int status(OrderClient orders, String product, int quantity) {
        try {
            orders.placeOrder(List.of(new Line(product, quantity)));
            return 201;
        } catch (UnexpectedResponseException refused) {
            return refused.status();
        }
    }
}
