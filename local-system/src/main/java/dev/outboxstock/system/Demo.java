package dev.outboxstock.system;

import dev.outboxstock.system.client.InventoryClient;
import dev.outboxstock.system.client.OrderClient;
import dev.outboxstock.system.client.OrderClient.Line;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole system locally and shows it working: seeds stock, places orders, prints stock before and after.
 * Everything keeps running for you to try (the URLs are printed) until Ctrl-C stops it all.
 */
public final class Demo {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, Integer> INITIAL_STOCK = new TreeMap<>(Map.of("apple", 100, "pear", 50));
    private static final List<List<Line>> ORDERS = List.of(
            List.of(new Line("apple", 2), new Line("pear", 1)),
            List.of(new Line("apple", 5)),
            List.of(new Line("pear", 3), new Line("apple", 1)));

    private Demo() {}

    public static void main(String[] args) throws InterruptedException {
        Path logDir = Path.of(System.getProperty(LocalSystem.ROOT_PROPERTY, "."), "local-system", "target", "logs")
                .toAbsolutePath()
                .normalize();
        LocalSystem system = LocalSystem.start(logDir);
        InventoryClient inventory =
                new InventoryClient(system.inventoryService().baseUri());
        OrderClient orders = new OrderClient(system.orderService().baseUri());

        INITIAL_STOCK.forEach(inventory::setStock);
        print("Stock before", stockOf(inventory));

        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (List<Line> lines : ORDERS) {
            OrderClient.Order order = orders.placeOrder(lines);
            System.out.printf("Placed order %s: %s%n", order.id(), lines);
            lines.forEach(line -> ordered.merge(line.productId(), line.quantity(), Integer::sum));
        }

        Map<String, Integer> expected = new LinkedHashMap<>();
        INITIAL_STOCK.forEach((product, units) -> expected.put(product, units - ordered.getOrDefault(product, 0)));
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (!stockOf(inventory).equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        print("Stock after", stockOf(inventory));
        System.out.println(
                stockOf(inventory).equals(expected)
                        ? "Every ordered unit left stock exactly once."
                        : "Stock did not reach " + expected + " within " + SETTLE_TIMEOUT + "; see the logs in "
                                + logDir);

        System.out.printf(
                "%norder-service:     %s/orders  (OpenAPI: /q/openapi)%ninventory-service: %s/products%n"
                        + "order relay:       %s/q/health%ninventory relay:   %s/q/health%nKafka:             %s%n"
                        + "Logs:              %s%nPress Ctrl-C to stop everything.%n",
                system.orderService().baseUri(),
                system.inventoryService().baseUri(),
                system.orderRelay().baseUri(),
                system.inventoryRelay().baseUri(),
                system.stack().kafka().orElseThrow().bootstrapServers(),
                logDir);
        new CountDownLatch(1).await();
    }

    private static Map<String, Integer> stockOf(InventoryClient inventory) {
        Map<String, Integer> stock = new LinkedHashMap<>();
        INITIAL_STOCK.keySet().forEach(product -> stock.put(product, inventory.available(product)));
        return stock;
    }

    private static void print(String title, Map<String, Integer> stock) {
        System.out.printf("%s: %s%n", title, stock);
    }
}
