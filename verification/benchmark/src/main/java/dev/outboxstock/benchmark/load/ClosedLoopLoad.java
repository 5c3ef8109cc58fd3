package dev.outboxstock.benchmark.load;

import dev.outboxstock.benchmark.measure.LatencyRecorder;
import dev.outboxstock.benchmark.workload.OrderSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of clients, each placing its next order as soon as the previous one was answered (closed loop):
 * the most the service accepts at that concurrency. Its response times are service times: a client that waits
 * sends nothing meanwhile, so they understate what users arriving at that rate would see (see {@link
 * OpenLoopLoad}).
 */
public record ClosedLoopLoad(OrderPoster poster, OrderSource workload) {

    /** {@code clients} clients placing orders for {@code duration}. */
    public LoadResult run(int clients, Duration duration) throws InterruptedException {
        return run(clients, System.nanoTime() + duration.toNanos(), Long.MAX_VALUE);
    }

    /** {@code clients} clients placing {@code orders} orders between them, as fast as they are answered. */
    public LoadResult place(int clients, long orders) throws InterruptedException {
        return run(clients, Long.MAX_VALUE, orders);
    }

    private LoadResult run(int clients, long deadlineNanos, long orders) throws InterruptedException {
        AtomicLong remaining = new AtomicLong(orders);
        LatencyRecorder responseTime = new LatencyRecorder();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(new Thread(
                    () -> {
                        while (System.nanoTime() < deadlineNanos && remaining.getAndDecrement() > 0) {
                            var order = workload.next();
                            long sent = System.nanoTime();
                            try {
                                if (poster.post(order).get() == OrderPoster.CREATED) {
                                    responseTime.recordNanos(System.nanoTime() - sent);
                                    accepted.incrementAndGet();
                                    lines.addAndGet(order.lines().size());
                                } else {
                                    failed.incrementAndGet();
                                }
                            } catch (ExecutionException e) {
                                failed.incrementAndGet();
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "client-" + i));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LoadResult(
                0, accepted.get(), failed.get(), lines.get(), accepted.get() / seconds, responseTime.take());
    }
}
