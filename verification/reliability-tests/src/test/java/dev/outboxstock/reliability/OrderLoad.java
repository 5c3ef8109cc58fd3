package dev.outboxstock.reliability;

import dev.outboxstock.system.client.OrderClient;
import dev.outboxstock.system.client.OrderClient.Line;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of orders at a fixed rate, whatever happens to the system: requests keep being sent while a
 * service is down (they fail, and are counted). Each order asks for 1 to 3 of the products, 1 to 3 units each.
 */
final class OrderLoad {

    private final OrderClient orders;
    private final List<String> products;
    private final Random random = new Random(7);
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService clients = Executors.newFixedThreadPool(16);
    private final AtomicInteger sent = new AtomicInteger();
    private final List<UUID> accepted = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    private OrderLoad(OrderClient orders, List<String> products) {
        this.orders = orders;
        this.products = products;
    }

    static OrderLoad start(OrderClient orders, List<String> products, int ordersPerSecond) {
        OrderLoad load = new OrderLoad(orders, products);
        load.clock.scheduleAtFixedRate(load::sendOne, 0, 1_000_000 / ordersPerSecond, TimeUnit.MICROSECONDS);
        return load;
    }

    /** Stops sending, waits for the requests in flight, and says what came of them. */
    Result stop() throws InterruptedException {
        clock.shutdown();
        clock.awaitTermination(10, TimeUnit.SECONDS);
        clients.shutdown();
        clients.awaitTermination(60, TimeUnit.SECONDS);
        return new Result(sent.get(), List.copyOf(accepted), Map.copyOf(failures));
    }

    private void sendOne() {
        List<Line> lines = nextOrder();
        sent.incrementAndGet();
        clients.execute(() -> {
            try {
                accepted.add(orders.placeOrder(lines).id());
            } catch (RuntimeException refused) {
                failures.merge(refused.getClass().getSimpleName(), 1, Integer::sum);
            }
        });
    }

    private synchronized List<Line> nextOrder() {
        List<String> shuffled = new ArrayList<>(products);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, 1 + random.nextInt(3)).stream()
                .map(product -> new Line(product, 1 + random.nextInt(3)))
                .toList();
    }

    /** Orders sent, the ids of those accepted (201), and the failed requests by kind. */
    record Result(int sent, List<UUID> accepted, Map<String, Integer> failures) {}
}
