package dev.outboxstock.benchmark.report;

import static dev.outboxstock.benchmark.report.Markdown.millis;
import static dev.outboxstock.benchmark.report.Markdown.rate;

import dev.outboxstock.benchmark.flashsale.FlashSale;
import dev.outboxstock.benchmark.flashsale.FlashSaleComparison;
import dev.outboxstock.benchmark.flashsale.FlashSaleSettings;
import dev.outboxstock.benchmark.flashsale.StockAccount;
import dev.outboxstock.benchmark.flashsale.SynchronousOrders;
import dev.outboxstock.benchmark.measure.LatencySummary;
import java.util.Comparator;
import java.util.Locale;

/**
 * The seed's flash sale: one hot product against the same orders spread out, beside the synchronous designs the
 * outbox replaces, and when the partition-serialised design wins.
 */
record FlashSaleSection(FlashSaleComparison.Figures sale, int partitions, Markdown md) {

    void write() {
        FlashSaleSettings settings = sale.settings();
        md.line("## Flash sale: one hot product");
        md.line("");
        md.line(
                "%,d one-unit orders from %d closed-loop clients, placed as fast as they are answered, with stock for"
                        + " %.0f %% of them: on this system (%s) through `POST /orders`, all for one product (one"
                        + " partition), then spread over %d products. *Settled* means the order's final status"
                        + " (CONFIRMED or REJECTED) in order-service: orders per second from the first order's"
                        + " acceptance to the last one's final status, and each order's time from acceptance to final"
                        + " status (order-service's own `created_at` and `updated_at`, read after the run). Beside"
                        + " them, the synchronous designs the outbox replaces on the same sale: each order takes its"
                        + " unit inside its own transaction, %d JDBC clients straight against scratch tables in schema"
                        + " `sync_alternative` (**no HTTP, no ORM**: those are ceilings, this system's figures are not).",
                settings.orders(),
                settings.clients(),
                settings.stockShare() * 100,
                Markdown.partitions(partitions),
                settings.spreadProducts(),
                settings.clients());
        md.line("");
        md.line("| Design | Accepted (orders/s) | Settled (orders/s) | To final status p50 / p99 (ms) | Confirmed /"
                + " rejected / still pending | Stock: initial / confirmed / left | Oversells | Retries |");
        md.line("| --- | --- | --- | --- | --- | --- | --- | --- |");
        system("This system, " + sale.hotProduct().name(), sale.hotProduct());
        system("This system, " + sale.spread().name(), sale.spread());
        sale.synchronous().forEach(this::synchronous);
        md.line("");
        md.line("Oversells are measured: units confirmed beyond the initial stock, plus any product below zero;"
                + " *books balance* means confirmed + left = initial.");
        md.line("");
        verdict();
    }

    private void system(String name, FlashSale.Run run) {
        md.line(
                "| %s | %s | %s | %s | %,d / %,d / %,d | %s | %s | n/a |",
                name,
                rate(run.post().acceptedRate()),
                rate(run.settled().settledPerSecond()),
                p50p99(run.settled().latency()),
                run.settled().confirmed(),
                run.settled().rejected(),
                run.settled().pending(),
                stock(run.stock()),
                oversells(run.stock()));
    }

    private void synchronous(SynchronousOrders.Run run) {
        md.line(
                "| Synchronous, %s locking (JDBC) | %s | %s | %s | %,d / %,d / 0 | %s | %s | %,d |",
                run.locking().name().toLowerCase(),
                rate(run.ordersPerSecond()),
                rate(run.ordersPerSecond()),
                p50p99(run.latency()),
                run.confirmed(),
                run.rejected(),
                stock(run.stock()),
                oversells(run.stock()),
                run.retries());
    }

    /** When the partition-serialised design wins, and what it costs in latency, in this run's numbers. */
    private void verdict() {
        FlashSale.Run hot = sale.hotProduct();
        SynchronousOrders.Run best = sale.synchronous().stream()
                .max(Comparator.comparingDouble(SynchronousOrders.Run::ordersPerSecond))
                .orElseThrow();
        double ours = hot.settled().settledPerSecond();
        md.line(
                "**On the hot product** this system settled %s orders/s with p99 %s ms to the final status; the best"
                        + " synchronous design (%s locking) %s orders/s with p99 %s ms: %.2f× its throughput. %s",
                rate(ours),
                millis(hot.settled().latency().p99()),
                best.locking().name().toLowerCase(),
                rate(best.ordersPerSecond()),
                millis(best.latency().p99()),
                ours / best.ordersPerSecond(),
                ours >= best.ordersPerSecond()
                        ? "The partition-serialised design wins on a hot product here, and pays for it in latency:"
                                + String.format(
                                        Locale.ROOT,
                                        " %s ms more at p99.",
                                        millis(hot.settled().latency().p99()
                                                - best.latency().p99()))
                        : "The partition-serialised design does not win on a hot product in this run: it would need"
                                + String.format(
                                        Locale.ROOT,
                                        " %.1f× its settled rate to match, with p99 %s ms against %s ms.",
                                        best.ordersPerSecond() / ours,
                                        millis(hot.settled().latency().p99()),
                                        millis(best.latency().p99())));
        md.line("");
        md.line(
                "Spread over %d products, this system settled %s orders/s (hot / spread: %.2f): the hot product's"
                        + " queue is one partition and one consumer; the synchronous designs queue on one row lock"
                        + " instead, and each client holds a connection for the whole order.",
                sale.settings().spreadProducts(),
                rate(sale.spread().settled().settledPerSecond()),
                ours / sale.spread().settled().settledPerSecond());
        md.line("");
    }

    private static String p50p99(LatencySummary latency) {
        return latency.count() == 0 ? "n/a" : millis(latency.p50()) + " / " + millis(latency.p99());
    }

    private static String stock(StockAccount stock) {
        return String.format(
                Locale.ROOT,
                "%,d / %,d / %,d (%s)",
                stock.initialUnits(),
                stock.confirmedUnits(),
                stock.finalUnits(),
                stock.balances() ? "books balance" : "**books do not balance**");
    }

    private static String oversells(StockAccount stock) {
        return stock.oversells() == 0 ? "0" : "**" + stock.oversells() + "**";
    }
}
