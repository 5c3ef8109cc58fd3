package dev.outboxstock.system;

import dev.outboxstock.system.client.InventoryClient;
import dev.outboxstock.system.client.OrderClient;
import dev.outboxstock.system.client.OrderClient.Line;
import dev.outboxstock.system.client.OrderClient.Order;
import dev.outboxstock.system.client.UnexpectedResponseException;
import dev.outboxstock.token.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole system locally and shows it working: seeds stock, places orders (two of them race for the last plum:
 * inventory gives it to one and rejects the other, whose apple is given back), waits until every order is confirmed
 * or rejected, prints the stock before and after, and then orders a plum again: refused at the door, sold out.
 * Everything keeps running for you to try ({@link TryItYourself} prints how) until Ctrl-C stops it all.
 */
public final class Demo {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, Integer> INITIAL_STOCK =
            new TreeMap<>(Map.of("apple", 100, "pear", 50, "plum", 1));
    private static final List<List<Line>> ORDERS = List.of(
            List.of(new Line("apple", 2), new Line("pear", 1)),
            List.of(new Line("apple", 5)),
            List.of(new Line("pear", 3), new Line("apple", 1)),
            List.of(new Line("apple", 4), new Line("plum", 1)),
            List.of(new Line("apple", 1), new Line("plum", 1)));
    private static final List<Line> AFTER_THE_SALE = List.of(new Line("plum", 1));

    private Demo() {}

    public static void main(String[] args) throws InterruptedException {
        Path logDir = LocalSystem.repositoryRoot().resolve("local-system/target/logs");
        Path demoLog = DemoLogging.toFileAndSteps(logDir);
        System.out.printf(
                "Starting the system; every log is in %s (this run's own: %s)%n", logDir, demoLog.getFileName());
        LocalSystem system = LocalSystem.start(logDir);
        // One ready token per role, valid for a day: the demo acts with them, and prints them for you to use.
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            tokens.put(role, system.token(role, "demo-" + role.group()));
        }
        InventoryClient inventory =
                new InventoryClient(system.inventoryService().baseUri(), tokens.get(Role.STOCK_ADMIN));
        OrderClient orders = new OrderClient(system.orderService().baseUri(), tokens.get(Role.CUSTOMER));

        INITIAL_STOCK.forEach(inventory::setStock);
        System.out.printf("%nStock before: %s%n", stockOf(inventory));

        List<Order> placed = new ArrayList<>();
        for (List<Line> lines : ORDERS) {
            place(orders, lines).ifPresent(placed::add);
        }

        List<Order> settled = new ArrayList<>();
        for (Order order : placed) {
            settled.add(awaitSettled(orders, order));
        }
        Map<String, Integer> expected = new LinkedHashMap<>(INITIAL_STOCK);
        for (Order order : settled) {
            System.out.printf(
                    "Order %s is %s%s%n",
                    order.id(),
                    order.status(),
                    order.rejectionReason() == null
                            ? ""
                            : " (" + order.rejectionReason() + "; its stock was given back)");
            if (order.status().equals("CONFIRMED")) {
                order.lines().forEach(line -> expected.merge(line.productId(), -line.quantity(), Integer::sum));
            }
        }
        awaitStock(inventory, expected);
        System.out.printf("Stock after:  %s%n", stockOf(inventory));
        System.out.println(
                stockOf(inventory).equals(expected)
                        ? "Every unit of a confirmed order left stock exactly once; the rejected order took nothing."
                        : "Stock did not reach " + expected + " within " + SETTLE_TIMEOUT + "; see the logs in "
                                + logDir);
        // By now order-service's view of the published stock levels shows the plums gone.
        place(orders, AFTER_THE_SALE);

        TryItYourself.print(system, tokens, logDir);
        System.out.printf("%nPress Ctrl-C to stop everything.%n");
        new CountDownLatch(1).await();
    }

    /** Places an order and says what became of it: placed, or refused at the door because it is sold out. */
    private static Optional<Order> place(OrderClient orders, List<Line> lines) {
        try {
            Order order = orders.placeOrder(lines);
            System.out.printf("Placed order %s: %s -> %s%n", order.id(), describe(lines), order.status());
            return Optional.of(order);
        } catch (UnexpectedResponseException refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            System.out.printf(
                    "Order of %s -> refused at the door, sold out (409); nothing was written%n", describe(lines));
            return Optional.empty();
        }
    }

    private static Order awaitSettled(OrderClient orders, Order order) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        Order current = order;
        while (!current.isSettled() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            current = orders.findOrder(order.id()).orElseThrow();
        }
        return current;
    }

    private static void awaitStock(InventoryClient inventory, Map<String, Integer> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (!stockOf(inventory).equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static Map<String, Integer> stockOf(InventoryClient inventory) {
        Map<String, Integer> stock = new LinkedHashMap<>();
        INITIAL_STOCK.keySet().forEach(product -> stock.put(product, inventory.available(product)));
        return stock;
    }

    private static String describe(List<Line> lines) {
        return String.join(
                ", ",
                lines.stream()
                        .map(line -> line.quantity() + " " + line.productId())
                        .toList());
    }
}
