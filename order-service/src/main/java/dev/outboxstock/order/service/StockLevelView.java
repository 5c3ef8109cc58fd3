package dev.outboxstock.order.service;

import dev.outboxstock.contract.StockLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's view of each product's latest stock level, in memory, as inventory published it on the compacted
 * {@code stock-levels} topic: rebuilt from that topic's beginning at every start. A hint for the door, never the
 * decision: it may lag behind inventory (an order let through is refused there, as without the view), and a product it
 * has not seen is simply unknown.
 */
@ApplicationScoped
public class StockLevelView {

    private final Map<String, Integer> levels = new ConcurrentHashMap<>();

    /** Takes levels in the order they were published per product; the last one of a product is its level. */
    public void apply(List<StockLevel> published) {
        published.forEach(level -> levels.put(level.productId(), level.available()));
    }

    public Optional<Integer> levelOf(String productId) {
        return Optional.ofNullable(levels.get(productId));
    }
}
