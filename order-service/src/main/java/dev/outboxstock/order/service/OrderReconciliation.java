package dev.outboxstock.order.service;

import dev.outboxstock.order.domain.CustomerOrder;
import dev.outboxstock.order.domain.OrderLine;
import dev.outboxstock.order.repository.OrderRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Settles the orders inventory left without an answer, whatever lost the request or the answer (a relay outage, a
 * lost replication slot, a record dead-lettered by mistake). A line left unanswered is asked about again with the same
 * event id, on the line's own {@link AskAgainSchedule} (pauses that double): inventory applies a request once and
 * answers every copy, and an outage costs each line a few copies, not one per round. An order waits for its answers
 * however long inventory is away, unless a business hold time ({@code orders.reconciliation.reject-after}) is set; past
 * it the order is rejected and what its lines took is given back. Orders are locked with {@code SKIP LOCKED}, so
 * replicas share the work and an order an outcome is changing right now is left for the next round. Every order
 * touched is logged and counted.
 */
@ApplicationScoped
public class OrderReconciliation {

    private static final Logger LOG = Logger.getLogger(OrderReconciliation.class);

    private final OrderRepository orders;
    private final StockRequests stockRequests;
    private final ReconciliationConfig config;
    private final Counter linesAskedAgain;
    private final Counter linesNoLongerAsked;
    private final Counter ordersTimedOut;
    private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();

    public OrderReconciliation(
            OrderRepository orders, StockRequests stockRequests, ReconciliationConfig config, MeterRegistry registry) {
        this.orders = orders;
        this.stockRequests = stockRequests;
        this.config = config;
        this.linesAskedAgain = Counter.builder("orders.reconciliation.lines.asked.again")
                .description("Order lines whose request was sent again because inventory had not answered")
                .register(registry);
        this.linesNoLongerAsked = Counter.builder("orders.reconciliation.lines.no.longer.asked")
                .description("Order lines asked about for the last time: their request is older than stop-asking-after")
                .register(registry);
        this.ordersTimedOut = Counter.builder("orders.reconciliation.orders.timed.out")
                .description("Orders rejected because they were pending longer than the hold time (reject-after)")
                .register(registry);
        Gauge.builder("orders.pending.oldest.age", oldestPendingAgeSeconds, AtomicLong::get)
                .description("How long the oldest order still pending has waited for inventory, as of the last round")
                .baseUnit("seconds")
                .register(registry);
    }

    /**
     * Measures how long the oldest pending order has waited: what the OrdersPendingTooLong alert watches, since asking
     * again grows rarer the longer an outage lasts.
     */
    @Transactional
    public void measurePending(Instant now) {
        oldestPendingAgeSeconds.set(orders.oldestPendingPlacedAt()
                .map(placed -> Duration.between(placed, now).toSeconds())
                .orElse(0L));
    }

    /**
     * Asks again about one batch of lines due to be asked again at {@code now}; returns how many orders it touched
     * (0 when none is due, or every due one is locked by another transaction).
     */
    @Transactional
    public int askAgainForUnanswered(Instant now) {
        List<UUID> locked = orders.lockDueToAskAgain(now, config.batchSize());
        for (UUID id : locked) {
            CustomerOrder order = orders.findWithLines(id).orElseThrow();
            List<OrderLine> due = order.lines().stream()
                    .filter(line -> line.awaitsAnswer()
                            && line.nextAskAt().filter(at -> !at.isAfter(now)).isPresent())
                    .toList();
            if (due.isEmpty()) {
                continue; // answered since the lines were picked, before the order could be locked
            }
            stockRequests.askAgain(due, now);
            linesAskedAgain.increment(due.size());
            LOG.infof(
                    "Asked inventory again about order %s (%s): no answer for %s",
                    order.id(), order.status(), productsOf(due));
            List<OrderLine> lastAsked =
                    due.stream().filter(line -> line.nextAskAt().isEmpty()).toList();
            if (!lastAsked.isEmpty()) {
                linesNoLongerAsked.increment(lastAsked.size());
                LOG.warnf(
                        "Asked inventory about order %s (%s) for the last time: the requests for %s are older than %s",
                        order.id(), order.status(), productsOf(lastAsked), config.stopAskingAfter());
            }
        }
        return locked.size();
    }

    /** Rejects one batch of orders pending for longer than the hold time, if one is set; returns how many. */
    @Transactional
    public int timeOutPending(Instant now) {
        if (config.rejectAfter().isEmpty()) {
            return 0;
        }
        Duration holdTime = config.rejectAfter().get();
        List<UUID> locked = orders.lockPendingSince(now.minus(holdTime), config.batchSize());
        for (UUID id : locked) {
            CustomerOrder order = orders.findWithLines(id).orElseThrow();
            List<OrderLine> toGiveBack = order.timeOut("TIMED_OUT: still pending after the hold time " + holdTime, now);
            stockRequests.giveStockBack(toGiveBack);
            ordersTimedOut.increment();
            LOG.warnf(
                    "Rejected order %s: still pending after the hold time %s (orders.reconciliation.reject-after);"
                            + " giving back %s",
                    order.id(), holdTime, productsOf(toGiveBack));
        }
        return locked.size();
    }

    private static List<String> productsOf(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::productId).toList();
    }
}
