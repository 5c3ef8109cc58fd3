package dev.outboxstock.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.system.client.InventoryClient;
import dev.outboxstock.system.client.OrderClient;
import dev.outboxstock.system.client.OrderClient.Line;
import dev.outboxstock.system.client.OrderClient.Order;
import dev.outboxstock.system.client.UnexpectedResponseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The order saga across real services: confirm, reject with compensation, cancel, and many orders at once. */
class OrderLifecycleEndToEndIT {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(120);

    private static OrderClient orders;
    private static InventoryClient inventory;

    @BeforeAll
    static void connect() {
        LocalSystem system = SharedSystem.get();
        orders = system.customerOrders();
        inventory = system.stockAdminInventory();
    }

    @Test
    void anOrderForStockThatIsThereIsConfirmed() {
        String apple = product("apple", 5);

        Order order = orders.placeOrder(List.of(new Line(apple, 2)));

        assertThat(settled(order).status()).isEqualTo("CONFIRMED");
        assertThat(inventory.available(apple)).isEqualTo(3);
    }

    @Test
    void insufficientStockOnOneLineRejectsTheOrderAndGivesTheOtherLinesStockBack() {
        String plenty = product("plenty", 10);
        String scarce = product("scarce", 1);

        Order order = orders.placeOrder(List.of(new Line(plenty, 4), new Line(scarce, 2)));

        Order settled = settled(order);
        assertThat(settled.status()).isEqualTo("REJECTED");
        assertThat(settled.rejectionReason()).isEqualTo("INSUFFICIENT_STOCK: " + scarce);
        await().atMost(SETTLE_TIMEOUT).until(() -> inventory.available(plenty) == 10);
        assertThat(inventory.available(scarce)).isEqualTo(1);
        await().atMost(SETTLE_TIMEOUT)
                .until(() -> orders.findOrder(order.id())
                        .orElseThrow()
                        .lines()
                        .get(0)
                        .status()
                        .equals("RELEASED"));
    }

    @Test
    void cancellingAPendingOrderGivesItsStockBack() {
        String pear = product("pear", 10);
        List<Order> placed = new ArrayList<>();
        Order cancelled = null;
        // The saga may be faster than the cancel request (then the order is confirmed): try again with a new order.
        for (int attempt = 0; attempt < 3 && cancelled == null; attempt++) {
            Order order = orders.placeOrder(List.of(new Line(pear, 3)));
            placed.add(order);
            try {
                cancelled = orders.cancel(order.id());
            } catch (UnexpectedResponseException confirmedFirst) {
                assertThat(confirmedFirst.status()).isEqualTo(409);
            }
        }

        assertThat(cancelled).isNotNull();
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        long confirmed = placed.stream()
                .map(this::settled)
                .filter(order -> order.status().equals("CONFIRMED"))
                .count();
        await().atMost(SETTLE_TIMEOUT).until(() -> inventory.available(pear) == 10 - 3 * confirmed);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyPlacesOneOrder() {
        String fig = product("fig", 10);
        String key = UUID.randomUUID().toString();

        Order first = orders.placeOrder(key, List.of(new Line(fig, 2)));
        Order retried = orders.placeOrder(key, List.of(new Line(fig, 2)));

        assertThat(retried.id()).isEqualTo(first.id());
        settled(first);
        await().atMost(SETTLE_TIMEOUT).until(() -> inventory.available(fig) == 8);
    }

    @Test
    void twoHundredConcurrentOrdersAllSettleAndNoUnitIsLostOrInvented() throws Exception {
        Map<String, Integer> initial = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            initial.put(product("contended-" + i, 40 + 10 * i), 40 + 10 * i);
        }
        List<String> products = List.copyOf(initial.keySet());
        Random random = new Random(42);
        List<List<Line>> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<String> shuffled = new ArrayList<>(products);
            Collections.shuffle(shuffled, random);
            requests.add(shuffled.subList(0, 1 + random.nextInt(3)).stream()
                    .map(product -> new Line(product, 1 + random.nextInt(4)))
                    .toList());
        }

        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<Future<Order>> placed = new ArrayList<>();
        requests.forEach(lines -> placed.add(clients.submit(() -> orders.placeOrder(lines))));
        List<Order> accepted = new ArrayList<>();
        for (Future<Order> order : placed) {
            accepted.add(order.get());
        }
        clients.shutdown();

        List<Order> settled = accepted.stream().map(this::settled).toList();
        assertThat(settled).extracting(Order::status).containsOnly("CONFIRMED", "REJECTED");
        await().atMost(SETTLE_TIMEOUT).untilAsserted(() -> {
            for (String product : products) {
                int confirmedUnits = settled.stream()
                        .filter(order -> order.status().equals("CONFIRMED"))
                        .flatMap(order -> order.lines().stream())
                        .filter(line -> line.productId().equals(product))
                        .mapToInt(OrderClient.OrderLine::quantity)
                        .sum();
                assertThat(inventory.available(product))
                        .as("%s: initial = final + units in confirmed orders", product)
                        .isEqualTo(initial.get(product) - confirmedUnits);
            }
        });
        System.out.printf(
                "200 concurrent orders: %d confirmed, %d rejected; stock conserved for all 5 products%n",
                settled.stream()
                        .filter(order -> order.status().equals("CONFIRMED"))
                        .count(),
                settled.stream()
                        .filter(order -> order.status().equals("REJECTED"))
                        .count());
    }

    private Order settled(Order order) {
        await().atMost(SETTLE_TIMEOUT)
                .until(() -> orders.findOrder(order.id()).orElseThrow().isSettled());
        return orders.findOrder(order.id()).orElseThrow();
    }

    private static String product(String prefix, int available) {
        String id = prefix + "-" + UUID.randomUUID();
        inventory.setStock(id, available);
        return id;
    }
}
