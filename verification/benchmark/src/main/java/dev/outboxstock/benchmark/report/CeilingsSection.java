package dev.outboxstock.benchmark.report;

import static dev.outboxstock.benchmark.report.Markdown.rate;

import dev.outboxstock.benchmark.system.SystemRun;
import dev.outboxstock.localstack.PostgresServer;

/** What PostgreSQL on this machine can do at best, whatever the design: the baselines the goals are ratios of. */
record CeilingsSection(SystemRun.Result system, Markdown md) {

    void write() {
        system.ceilings().ifPresent(ceilings -> {
            md.line("## Database ceilings");
            md.line("");
            md.line("Measured in the same run on the same PostgreSQL (fsync on, `synchronous_commit` on), with nothing"
                    + " else writing.");
            md.line("");
            md.line("| Ceiling | Measured |");
            md.line("| --- | --- |");
            md.line(
                    "| `pg_test_fsync -s 1`, fdatasync of one 8 kB write, on the data directory's file system | %s ops/s |",
                    ceilings.fdatasyncPerSecond().isPresent()
                            ? rate(ceilings.fdatasyncPerSecond().getAsDouble())
                            : "n/a (could not run)");
            md.line(
                    "| Single-row conditional `UPDATE product SET available = available - 1 WHERE id = ? AND available"
                            + " >= 1`, autocommit, one connection, scratch table (%,d updates) | %s transactions/s |",
                    ceilings.rawUpdate().updates(), rate(ceilings.rawUpdate().perSecond()));
            system.intake()
                    .ifPresent(intake -> md.line(
                            "| Raw JDBC order insert (order, lines, outbox rows; one transaction per order; batched,"
                                    + " `reWriteBatchedInserts=true`), %d connections | %s orders/s |",
                            intake.connections(), rate(intake.rawJdbc().acceptedRate())));
            md.line("");
            md.line(
                    "PostgreSQL runs with the local stack's settings for this load: `%s`, besides `wal_level = logical`;"
                            + " `fsync` and `synchronous_commit` stay on.",
                    String.join("`, `", PostgresServer.PRODUCTION_SETTINGS));
            md.line("");
            md.line("One connection commits at most about as often as the disk flushes: a per-record inventory on one"
                    + " partition (one consumer, one transaction per event) cannot beat the single-row UPDATE figure;"
                    + " only batching several events into one transaction can.");
            md.line("");
        });
    }
}
