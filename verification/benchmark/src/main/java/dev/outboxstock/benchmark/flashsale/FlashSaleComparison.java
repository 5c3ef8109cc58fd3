package dev.outboxstock.benchmark.flashsale;

import dev.outboxstock.benchmark.BenchmarkProfile;
import dev.outboxstock.benchmark.load.OrderPoster;
import dev.outboxstock.benchmark.measure.OrderSettlement;
import dev.outboxstock.benchmark.measure.ProcessCpu;
import dev.outboxstock.system.LocalSystem;
import dev.outboxstock.system.client.InventoryClient;
import dev.outboxstock.token.Role;
import java.sql.Connection;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The seed's question on one system: the flash sale through this system, on one hot product and spread over many,
 * beside the synchronous designs it replaces on the same sale.
 */
public record FlashSaleComparison(
        LocalSystem system,
        OrderPoster poster,
        OrderSettlement settlement,
        ProcessCpu cpu,
        FlashSaleSettings settings) {

    private static final Logger LOG = Logger.getLogger(FlashSaleComparison.class);

    /** The seed of the sale's orders (the other parts use smaller offsets of the benchmark's seed). */
    private static final long SEED = BenchmarkProfile.SEED + 10;

    /** Everything measured on the sale. */
    public record Figures(
            FlashSaleSettings settings,
            FlashSale.Run hotProduct,
            FlashSale.Run spread,
            List<SynchronousOrders.Run> synchronous) {}

    public Figures run() throws Exception {
        try (Connection inventory = system.stack().postgres().orElseThrow().connect(LocalSystem.INVENTORY_DATABASE)) {
            FlashSale sale = new FlashSale(
                    poster,
                    new InventoryClient(
                            system.inventoryService().baseUri(), system.token(Role.STOCK_ADMIN, "stock-admin")),
                    settlement,
                    inventory,
                    cpu,
                    settings);
            FlashSale.Run hot = sale.hotProduct(SEED);
            FlashSale.Run spread = sale.spread(SEED + 1);
            SynchronousOrders synchronous =
                    new SynchronousOrders(system.stack().postgres().orElseThrow(), cpu, settings);
            List<SynchronousOrders.Run> alternatives = List.of(
                    synchronous.run(SynchronousOrders.Locking.PESSIMISTIC),
                    synchronous.run(SynchronousOrders.Locking.OPTIMISTIC));
            alternatives.forEach(run -> LOG.infof(
                    "Synchronous, %s locking: %,.0f orders/s, p99 %.0f ms, %d retries, oversells %d",
                    run.locking(),
                    run.ordersPerSecond(),
                    run.latency().p99(),
                    run.retries(),
                    run.stock().oversells()));
            return new Figures(settings, hot, spread, alternatives);
        }
    }
}
