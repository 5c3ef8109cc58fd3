package dev.outboxstock.benchmark.load;

import dev.outboxstock.benchmark.workload.BenchmarkOrder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Places orders with {@code POST /orders}, as any HTTP/1.1 client would: kept-alive connections, JSON bodies, a
 * customer's bearer token.
 */
public final class OrderPoster implements AutoCloseable {

    static final int CREATED = 201;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "order-poster");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;
    private final URI orders;
    private final String authorization;

    /** {@code token}: a bearer token with the role {@code customer}. */
    public OrderPoster(URI orderService, String token) {
        this.orders = orderService.resolve("/orders");
        this.authorization = "Bearer " + token;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** Sends the order; completes with the response's status. */
    public CompletableFuture<Integer> post(BenchmarkOrder order) {
        return http.sendAsync(request(order), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    private HttpRequest request(BenchmarkOrder order) {
        return HttpRequest.newBuilder(orders)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .header("traceparent", BenchmarkOrder.TRACEPARENT)
                .POST(HttpRequest.BodyPublishers.ofString(order.placeOrderJson()))
                .build();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
