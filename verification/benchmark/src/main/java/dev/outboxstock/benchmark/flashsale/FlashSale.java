package dev.outboxstock.benchmark.flashsale;

import dev.outboxstock.benchmark.load.ClosedLoopLoad;
import dev.outboxstock.benchmark.load.LoadResult;
import dev.outboxstock.benchmark.load.OrderPoster;
import dev.outboxstock.benchmark.measure.CpuUsage;
import dev.outboxstock.benchmark.measure.OrderSettlement;
import dev.outboxstock.benchmark.measure.ProcessCpu;
import dev.outboxstock.benchmark.workload.SingleUnitOrders;
import dev.outboxstock.system.client.InventoryClient;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * A flash sale through the public API, as a new user would stage it: one-unit orders from closed-loop clients with
 * {@code POST /orders}, all for one product (one partition, every order in one queue) or spread over many, with
 * less stock than orders. Measured to each order's final status, with the books checked and each process's CPU.
 */
public record FlashSale(
        OrderPoster poster,
        InventoryClient inventory,
        OrderSettlement settlement,
        Connection inventoryDatabase,
        ProcessCpu cpu,
        FlashSaleSettings settings) {

    private static final Logger LOG = Logger.getLogger(FlashSale.class);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);

    /**
     * One case of the sale.
     *
     * @param post as the clients saw {@code POST /orders}
     * @param cpu from the first order to the last one settled
     */
    public record Run(
            String name,
            int products,
            LoadResult post,
            OrderSettlement.Settlement settled,
            StockAccount stock,
            CpuUsage cpu) {}

    /** Every order for one product. */
    public Run hotProduct(long seed) throws Exception {
        return run("one hot product", productIds("flash-hot", 1), seed);
    }

    /** The same orders spread over the settings' products. */
    public Run spread(long seed) throws Exception {
        return run(
                settings.spreadProducts() + " products", productIds("flash-spread", settings.spreadProducts()), seed);
    }

    private Run run(String name, List<String> products, long seed) throws Exception {
        int stockPerProduct = settings.stockPerProduct(products.size());
        products.forEach(product -> inventory.setStock(product, stockPerProduct));
        ProcessCpu.Span span = cpu.start();
        LoadResult post = new ClosedLoopLoad(poster, new SingleUnitOrders(seed, products))
                .place(settings.clients(), settings.orders());
        OrderSettlement.Settlement settled =
                settlement.awaitSettled(OrderSettlement.Selection.ofProducts(products), SETTLE_TIMEOUT);
        CpuUsage usage = span.end();
        StockAccount stock = StockAccount.read(
                inventoryDatabase,
                "product",
                products,
                (long) stockPerProduct * products.size(),
                settled.confirmedUnits());
        Run run = new Run(name, products.size(), post, settled, stock, usage);
        LOG.infof(
                "Flash sale, %s: POST %,.0f orders/s, settled %,.0f orders/s (p50 %.0f ms, p99 %.0f ms), %d confirmed,"
                        + " %d rejected, %d pending, oversells %d",
                name,
                post.acceptedRate(),
                settled.settledPerSecond(),
                settled.latency().p50(),
                settled.latency().p99(),
                settled.confirmed(),
                settled.rejected(),
                settled.pending(),
                stock.oversells());
        return run;
    }

    private static List<String> productIds(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> String.format("%s-%03d", prefix, i))
                .toList();
    }
}
