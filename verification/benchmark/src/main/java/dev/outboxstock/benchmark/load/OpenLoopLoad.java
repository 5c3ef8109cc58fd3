package dev.outboxstock.benchmark.load;

import dev.outboxstock.benchmark.measure.LatencyRecorder;
import dev.outboxstock.benchmark.workload.OrderWorkload;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Places orders at a fixed rate, whatever the service's answers do (open loop): request {@code i} is due at
 * {@code start + i / rate}. Its response time is measured from that due time, not from when it was actually sent,
 * so a stalled service is charged for every request it held up, including those the generator could only send
 * late (no coordinated omission). A cap on requests in flight keeps the generator's connections bounded; a request
 * that waits for it is late, and its wait counts.
 */
public record OpenLoopLoad(OrderPoster poster, OrderWorkload workload) {

    private static final int MAX_IN_FLIGHT = 512;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    public LoadResult run(double ordersPerSecond, Duration duration) throws InterruptedException {
        long requests = (long) (ordersPerSecond * duration.toNanos() / 1e9);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        LatencyRecorder responseTime = new LatencyRecorder();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        AtomicLong firstAnswer = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastAnswer = new AtomicLong(Long.MIN_VALUE);
        FixedRate schedule = new FixedRate(ordersPerSecond);
        for (long i = 0; i < requests; i++) {
            long due = schedule.awaitDue(i);
            var order = workload.next();
            inFlight.acquire();
            poster.post(order).whenComplete((status, error) -> {
                long answered = System.nanoTime();
                if (error == null && status == OrderPoster.CREATED) {
                    firstAnswer.accumulateAndGet(answered, Math::min);
                    lastAnswer.accumulateAndGet(answered, Math::max);
                    responseTime.recordNanos(answered - due);
                    accepted.incrementAndGet();
                    lines.addAndGet(order.lines().size());
                } else {
                    failed.incrementAndGet();
                }
                inFlight.release();
            });
        }
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            failed.addAndGet(MAX_IN_FLIGHT - inFlight.availablePermits());
        }
        // From the first to the last answer: a service that keeps up answers at the target rate, one that falls
        // behind stretches the span.
        double seconds = (lastAnswer.get() - firstAnswer.get()) / 1e9;
        return new LoadResult(
                ordersPerSecond,
                accepted.get(),
                failed.get(),
                lines.get(),
                accepted.get() < 2 ? 0 : (accepted.get() - 1) / seconds,
                responseTime.take());
    }
}
