package dev.outboxstock.benchmark.report;

import dev.outboxstock.benchmark.flashsale.FlashSaleComparison;
import dev.outboxstock.benchmark.flashsale.SynchronousOrders;
import dev.outboxstock.benchmark.measure.CpuUsage;
import dev.outboxstock.benchmark.system.SystemRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each run cost in CPU per 1,000 orders, process by process, so that a change which moves work from one
 * process to another (or only makes one faster by loading another) shows.
 */
record CostSection(SystemRun.Result system, Markdown md) {

    /** One run's CPU, and the orders (or updates) it did. */
    private record Cost(String run, long units, CpuUsage cpu) {}

    void write() {
        List<Cost> costs = costs();
        if (costs.isEmpty()) {
            return;
        }
        List<String> processes = List.copyOf(costs.get(0).cpu().cpuSeconds().keySet());
        md.line("## Cost: CPU seconds per 1,000 orders");
        md.line("");
        md.line(
                "User + system CPU of each process (`/proc/<pid>/stat`) over each run on the system with %s, per 1,000"
                        + " orders it completed (the flash sale: from the first order to the last one settled; intake:"
                        + " over the run of `POST /orders` or raw JDBC, with every relay frozen, so the pipeline behind"
                        + " does no work; the"
                        + " baseline: per 1,000 updates). PostgreSQL is the postmaster with all its processes; the"
                        + " load generator is the benchmark's own JVM. *Cores busy* is the total CPU over the run's"
                        + " wall-clock time.",
                Markdown.partitions(system.partitions()));
        md.line("");
        StringBuilder header = new StringBuilder("| Run | Orders |");
        StringBuilder rule = new StringBuilder("| --- | --- |");
        for (String process : processes) {
            header.append(' ').append(process).append(" |");
            rule.append(" --- |");
        }
        md.line("%s Total | Cores busy |", header);
        md.line("%s --- | --- |", rule);
        for (Cost cost : costs) {
            StringBuilder row = new StringBuilder(
                    "| " + cost.run() + " | " + String.format(Locale.ROOT, "%,d", cost.units()) + " |");
            for (String process : processes) {
                row.append(String.format(Locale.ROOT, " %.2f |", cost.cpu().perThousand(process, cost.units())));
            }
            md.line(
                    "%s **%.2f** | %.2f |",
                    row,
                    cost.cpu().totalCpuSeconds() * 1_000 / cost.units(),
                    cost.cpu().totalCpuSeconds() / cost.cpu().seconds());
        }
        md.line("");
    }

    private List<Cost> costs() {
        List<Cost> costs = new ArrayList<>();
        system.flashSale().ifPresent(sale -> flashSale(sale, costs));
        system.intake().ifPresent(intake -> {
            costs.add(new Cost(
                    "Intake: " + intake.clients() + " clients, `POST /orders`, relays frozen",
                    intake.post().accepted(),
                    intake.postCpu()));
            costs.add(new Cost(
                    "Intake: raw JDBC, " + intake.connections() + " connections, relays frozen",
                    intake.rawJdbc().accepted(),
                    intake.rawJdbcCpu()));
        });
        costs.add(new Cost(
                "Inventory drain (stock events)",
                system.inventory().events(),
                system.inventory().cpu()));
        system.ceilings()
                .ifPresent(ceilings -> costs.add(new Cost(
                        "Raw single-row UPDATE, 1 connection (updates)",
                        ceilings.rawUpdate().updates(),
                        ceilings.rawUpdate().cpu())));
        return costs;
    }

    private static void flashSale(FlashSaleComparison.Figures sale, List<Cost> costs) {
        costs.add(new Cost(
                "Flash sale, " + sale.hotProduct().name(),
                sale.hotProduct().settled().orders(),
                sale.hotProduct().cpu()));
        costs.add(new Cost(
                "Flash sale, " + sale.spread().name(),
                sale.spread().settled().orders(),
                sale.spread().cpu()));
        for (SynchronousOrders.Run run : sale.synchronous()) {
            costs.add(new Cost(
                    "Flash sale, synchronous " + run.locking().name().toLowerCase() + " (JDBC)",
                    run.orders(),
                    run.cpu()));
        }
    }
}
