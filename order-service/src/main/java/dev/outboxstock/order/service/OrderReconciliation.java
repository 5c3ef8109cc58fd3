package dev.outboxstock.order.service;

import dev.outboxstock.order.domain.CustomerOrder;
import dev.outboxstock.order.domain.OrderLine;
import dev.outboxstock.order.repository.OrderRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Settles the orders inventory left without an answer, whatever lost the request or the answer (a relay outage, a
 * lost replication slot, a record dead-lettered by mistake). A line waiting too long is asked about again with the
 * same event id: inventory applies a request once and answers every copy. An order pending too long is rejected and
 * what its lines took is given back. Orders are locked with {@code SKIP LOCKED}, so replicas share the work and an
 * order an outcome is changing right now is left for the next round. Every order touched is logged and counted.
 */
@ApplicationScoped
public class OrderReconciliation {

    private static final Logger LOG = Logger.getLogger(OrderReconciliation.class);

    private final OrderRepository orders;
    private final StockRequests stockRequests;
    private final ReconciliationConfig config;
    private final Counter linesAskedAgain;
    private final Counter ordersTimedOut;

    public OrderReconciliation(
            OrderRepository orders, StockRequests stockRequests, ReconciliationConfig config, MeterRegistry registry) {
        this.orders = orders;
        this.stockRequests = stockRequests;
        this.config = config;
        this.linesAskedAgain = Counter.builder("orders.reconciliation.lines.asked.again")
                .description("Order lines whose request was sent again because inventory had not answered")
                .register(registry);
        this.ordersTimedOut = Counter.builder("orders.reconciliation.orders.timed.out")
                .description("Orders rejected because inventory did not answer in time")
                .register(registry);
    }

    /** Asks again about one batch of lines left without an answer; returns how many orders it touched. */
    @Transactional
    public int askAgainForUnanswered(Instant now) {
        Instant askedBefore = now.minus(config.askAgainAfter());
        List<UUID> locked =
                orders.lockUnansweredSince(askedBefore, now.minus(config.stopAskingAfter()), config.batchSize());
        for (UUID id : locked) {
            CustomerOrder order = orders.findWithLines(id).orElseThrow();
            List<OrderLine> unanswered = order.lines().stream()
                    .filter(line -> line.awaitsAnswer() && line.requestedAt().isBefore(askedBefore))
                    .toList();
            stockRequests.askAgain(unanswered);
            unanswered.forEach(line -> line.askedAgain(now));
            linesAskedAgain.increment(unanswered.size());
            LOG.infof(
                    "Asked inventory again about order %s (%s): no answer for %s",
                    order.id(), order.status(), productsOf(unanswered));
        }
        return locked.size();
    }

    /** Rejects one batch of orders pending for too long; returns how many. */
    @Transactional
    public int timeOutPending(Instant now) {
        List<UUID> locked = orders.lockPendingSince(now.minus(config.rejectAfter()), config.batchSize());
        for (UUID id : locked) {
            CustomerOrder order = orders.findWithLines(id).orElseThrow();
            List<OrderLine> toGiveBack =
                    order.timeOut("TIMED_OUT: no answer from inventory within " + config.rejectAfter(), now);
            stockRequests.giveStockBack(toGiveBack);
            ordersTimedOut.increment();
            LOG.warnf(
                    "Rejected order %s: inventory did not answer within %s; giving back %s",
                    order.id(), config.rejectAfter(), productsOf(toGiveBack));
        }
        return locked.size();
    }

    private static List<String> productsOf(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::productId).toList();
    }
}
