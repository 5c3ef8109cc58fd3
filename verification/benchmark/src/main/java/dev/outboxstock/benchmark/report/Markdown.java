package dev.outboxstock.benchmark.report;

import dev.outboxstock.benchmark.measure.DatabaseLoad;
import dev.outboxstock.benchmark.measure.LatencySummary;
import java.util.Locale;

/** The report's text as it is written, line by line, and how its figures are spelt. */
final class Markdown {

    private final StringBuilder text = new StringBuilder();

    /** Appends one line, formatted in the root locale (a dot for decimals, a comma for thousands). */
    void line(String format, Object... arguments) {
        text.append(String.format(Locale.ROOT, format, arguments)).append('\n');
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String partitions(int count) {
        return count == 1 ? "1 partition" : count + " partitions";
    }

    static String percentiles(LatencySummary latency) {
        if (latency.count() == 0) {
            return "n/a";
        }
        return millis(latency.p50()) + " / " + millis(latency.p95()) + " / " + millis(latency.p99()) + " / "
                + millis(latency.max());
    }

    static String millis(double millis) {
        if (Double.isNaN(millis) || Double.isInfinite(millis)) {
            return "n/a";
        }
        return millis < 10 ? String.format(Locale.ROOT, "%.1f", millis) : String.format(Locale.ROOT, "%,.0f", millis);
    }

    /** WAL written per second over a run. */
    static String walRate(DatabaseLoad.Usage database) {
        return String.format(Locale.ROOT, "%,.0f KiB/s", database.walBytes() / 1024.0 / database.seconds());
    }

    /** A rate or a count per second, whole. */
    static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "n/a" : String.format(Locale.ROOT, "%,.0f", perSecond);
    }
}
