package dev.outboxstock.benchmark;

import dev.outboxstock.benchmark.flashsale.FlashSaleSettings;
import dev.outboxstock.benchmark.relay.RelayComparison;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much to measure. {@code full} is the benchmark (about a quarter of an hour on two cores, more the higher the
 * rates sustained), {@code quick} the same with fewer and shorter steps (about 7 minutes), {@code smoke} a run of
 * every part on a tiny scale that proves the benchmark works (the build runs it, about 2 minutes; its figures mean
 * nothing).
 *
 * @param partitions stock topic partitions, one fresh system each; inventory runs one consumer per partition
 * @param comparisonPartitions the partition count whose system also runs the baselines and the 50-client run
 * @param products the catalogue orders draw from
 * @param warmUp at the first rate, before the steps, not reported
 * @param rates target orders per second, in order, until one is not sustained; each at most 25 % above the one
 *     before, so that the highest rate sustained is known within that
 * @param inventoryBacklogOrders orders written for the inventory drain
 * @param clients concurrent clients of the closed-loop run
 * @param rawJdbcConnections writers of the raw JDBC baseline: order-service's connection pool size
 * @param intakeDuration of the closed-loop run and of the raw JDBC baseline
 */
public record BenchmarkProfile(
        String name,
        List<Integer> partitions,
        int comparisonPartitions,
        int products,
        Duration warmUp,
        List<Integer> rates,
        Duration stepDuration,
        int inventoryBacklogOrders,
        int clients,
        int rawJdbcConnections,
        Duration intakeDuration,
        RelayComparison.Settings relays,
        FlashSaleSettings flashSale) {

    /**
     * The seed of the orders placed on a system: the same orders in every run. Other parts derive their own seeds
     * from it, so that no two parts write the same ids.
     */
    public static final long SEED = 20261125L;

    /** The seed of the orders both intake measurements (closed-loop clients, raw JDBC) take, each from the start. */
    public static final long INTAKE_SEED = SEED + 1;

    /** The seed of the relay comparison's rows (its steady runs use the next one). */
    private static final long RELAY_SEED = SEED + 2;

    /** order-service's connection pool size ({@code quarkus.datasource.jdbc.max-size}). */
    public static final int ORDER_SERVICE_POOL = 20;

    /** The growth from one rate step to the next. */
    private static final double RATE_STEP = 1.25;

    /** The flash sale the seed tried: 3,000 one-unit orders from 50 clients; 60 products to spread them over. */
    private static final int SALE_CLIENTS = 50;

    private static final int SALE_SPREAD_PRODUCTS = 60;
    /** Less stock than orders: the last fifth are refused, and an oversell would show. */
    private static final double SALE_STOCK_SHARE = 0.8;

    public static final BenchmarkProfile FULL = new BenchmarkProfile(
            "full",
            List.of(1, 3, 6),
            6,
            1_000,
            // Long enough for every JVM's JIT to compile its hot code.
            Duration.ofSeconds(30),
            rates(50, 1_200),
            Duration.ofSeconds(15),
            6_000,
            50,
            ORDER_SERVICE_POOL,
            Duration.ofSeconds(20),
            new RelayComparison.Settings(
                    100_000,
                    1_000,
                    Duration.ofSeconds(20),
                    List.of(
                            Duration.ofMillis(10),
                            Duration.ofMillis(50),
                            Duration.ofMillis(100),
                            Duration.ofMillis(250)),
                    1_000,
                    1_000,
                    RELAY_SEED),
            new FlashSaleSettings(3_000, SALE_CLIENTS, SALE_SPREAD_PRODUCTS, SALE_STOCK_SHARE, 10_000));

    public static final BenchmarkProfile QUICK = new BenchmarkProfile(
            "quick",
            List.of(1, 6),
            6,
            1_000,
            Duration.ofSeconds(15),
            rates(50, 800),
            Duration.ofSeconds(6),
            3_000,
            50,
            ORDER_SERVICE_POOL,
            Duration.ofSeconds(10),
            new RelayComparison.Settings(
                    50_000,
                    1_000,
                    Duration.ofSeconds(10),
                    List.of(Duration.ofMillis(10), Duration.ofMillis(100)),
                    1_000,
                    1_000,
                    RELAY_SEED),
            new FlashSaleSettings(2_000, SALE_CLIENTS, SALE_SPREAD_PRODUCTS, SALE_STOCK_SHARE, 5_000));

    public static final BenchmarkProfile SMOKE = new BenchmarkProfile(
            "smoke",
            List.of(3),
            3,
            50,
            Duration.ofSeconds(2),
            rates(20, 25),
            Duration.ofSeconds(2),
            100,
            5,
            5,
            Duration.ofSeconds(2),
            new RelayComparison.Settings(
                    2_000, 200, Duration.ofSeconds(2), List.of(Duration.ofMillis(50)), 1_000, 50, RELAY_SEED),
            new FlashSaleSettings(100, 10, 10, SALE_STOCK_SHARE, 200));

    /** From {@code first} up to {@code last}, each rate {@value #RATE_STEP} times the one before, rounded. */
    static List<Integer> rates(int first, int last) {
        List<Integer> rates = new ArrayList<>();
        for (double rate = first; Math.round(rate) <= last; rate *= RATE_STEP) {
            rates.add((int) Math.round(rate));
        }
        return List.copyOf(rates);
    }

    public static BenchmarkProfile named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "full" -> FULL;
            case "quick" -> QUICK;
            case "smoke" -> SMOKE;
            default -> throw new IllegalArgumentException("No benchmark profile " + name + ": full, quick or smoke");
        };
    }
}
