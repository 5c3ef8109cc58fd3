package dev.outboxstock.order.service;

import dev.outboxstock.order.domain.ProductQuantity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The door of {@code POST /orders}: an order with a line the {@link StockLevelView} shows with fewer units than it asks
 * is refused before anything is written, instead of costing the whole pipeline for a refusal inventory would send a
 * moment later. A product the view does not know passes; inventory still decides every order that gets through.
 */
@ApplicationScoped
public class SoldOutCheck {

    private final StockLevelView view;
    private final SoldOutCheckConfig config;
    private final Counter refused;

    public SoldOutCheck(StockLevelView view, SoldOutCheckConfig config, MeterRegistry registry) {
        this.view = view;
        this.config = config;
        this.refused = Counter.builder("orders.refused.sold.out")
                .description("Orders refused at the door: a line asked for more units than the stock-level view shows")
                .register(registry);
    }

    /** The products of these lines the view shows short, in line order; none when the check is off. */
    public List<String> shortOf(List<ProductQuantity> items) {
        if (!config.enabled()) {
            return List.of();
        }
        return items.stream()
                .filter(item -> view.levelOf(item.productId())
                        .map(level -> level < item.quantity())
                        .orElse(false))
                .map(ProductQuantity::productId)
                .toList();
    }

    /** The refusal of an order short of these products, counted. */
    public SoldOutException refuse(List<String> productIds) {
        refused.increment();
        return new SoldOutException(productIds);
    }
}
