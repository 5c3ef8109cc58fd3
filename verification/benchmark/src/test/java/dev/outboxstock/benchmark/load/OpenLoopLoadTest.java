package dev.outboxstock.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.outboxstock.benchmark.workload.OrderWorkload;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a stand-in service that stalls for its first second, then answers at once. */
class OpenLoopLoadTest {

    private static final Duration STALL = Duration.ofSeconds(1);

    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer service;
    private long stallsUntil;

    @BeforeEach
    void startService() throws Exception {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.setExecutor(handlers);
        service.createContext("/orders", exchange -> {
            exchange.getRequestBody().readAllBytes();
            long stall = stallsUntil - System.nanoTime();
            if (stall > 0) {
                try {
                    Thread.sleep(stall / 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        service.start();
    }

    @AfterEach
    void stopService() {
        service.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void everyRequestDueDuringAStallIsChargedWithItsWaitNotOnlyTheOneThatMetIt() throws Exception {
        try (OrderPoster poster = new OrderPoster(
                URI.create("http://127.0.0.1:" + service.getAddress().getPort()), "any-token")) {
            stallsUntil = System.nanoTime() + STALL.toNanos();

            LoadResult result = new OpenLoopLoad(poster, new OrderWorkload(1, 10)).run(50, Duration.ofSeconds(2));

            assertThat(result.accepted()).isEqualTo(100);
            assertThat(result.failed()).isZero();
            // Half the requests were due during the stall and waited up to its end: the slowest 5 % waited for
            // nearly all of it. A generator that waited for each answer would have sent one request meanwhile.
            assertThat(result.responseTime().p95()).isGreaterThan(800);
            assertThat(result.responseTime().max()).isLessThan(STALL.toMillis() + 500);
        }
    }
}
