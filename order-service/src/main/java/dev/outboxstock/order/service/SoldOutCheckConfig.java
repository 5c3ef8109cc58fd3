package dev.outboxstock.order.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sold-out check at the door of {@code POST /orders} ({@code ORDERS_SOLD_OUT_CHECK_*}). */
@ConfigMapping(prefix = "orders.sold-out-check")
public interface SoldOutCheckConfig {

    /**
     * Whether an order with a line the stock-level view shows short is refused at once (409). Off, every order is
     * written and left to inventory to refuse, as before the view existed: the benchmark compares the two.
     */
    @WithDefault("true")
    boolean enabled();
}
