package dev.outboxstock.benchmark.report;

import dev.outboxstock.benchmark.measure.LatencySummary;
import dev.outboxstock.benchmark.system.RateStep;
import dev.outboxstock.benchmark.system.SystemRun;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Latency percentiles versus target rate as an SVG: one panel for {@code POST /orders}, one for commit to stock
 * applied; a colour per partition count, p50 dashed, p99 solid, a hollow marker for a rate that was not sustained.
 * Latency on a logarithmic axis, so that milliseconds and seconds both read.
 */
final class LatencyChart {

    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"};
    private static final int PANEL_WIDTH = 460;
    private static final int PANEL_HEIGHT = 300;
    private static final int LEFT = 60;
    private static final int TOP = 40;
    private static final int GAP = 90;
    private static final double MIN_MILLIS = 1;
    private static final double MAX_MILLIS = 100_000;

    private final List<SystemRun.Result> systems;
    private final double maxRate;
    private final StringBuilder svg = new StringBuilder();

    private LatencyChart(List<SystemRun.Result> systems) {
        this.systems = systems;
        this.maxRate = systems.stream()
                .flatMap(system -> system.steps().stream())
                .mapToDouble(step -> step.post().targetRate())
                .max()
                .orElse(100);
    }

    static String svg(List<SystemRun.Result> systems) {
        return new LatencyChart(systems).draw();
    }

    private String draw() {
        int width = LEFT + 2 * PANEL_WIDTH + GAP + 20;
        int height = TOP + PANEL_HEIGHT + 90;
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                width,
                height));
        panel(
                LEFT,
                "POST /orders response time (from due time)",
                step -> step.post().responseTime());
        panel(LEFT + PANEL_WIDTH + GAP, "Commit to stock applied (end to end)", RateStep::commitToApplied);
        legend(TOP + PANEL_HEIGHT + 50);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void panel(int left, String title, Function<RateStep, LatencySummary> latency) {
        svg.append(text(left + PANEL_WIDTH / 2.0, TOP - 15, title, "middle", "bold"));
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
                left,
                TOP,
                PANEL_WIDTH,
                PANEL_HEIGHT));
        for (double millis = MIN_MILLIS; millis <= MAX_MILLIS; millis *= 10) {
            double y = y(millis);
            svg.append(line(left, y, left + PANEL_WIDTH, y, "#ddd", 1, ""));
            svg.append(text(left - 6, y + 4, label(millis), "end", "normal"));
        }
        for (double rate : rateTicks()) {
            double x = left + x(rate);
            svg.append(line(x, TOP, x, TOP + PANEL_HEIGHT, "#eee", 1, ""));
            svg.append(text(x, TOP + PANEL_HEIGHT + 16, String.valueOf((long) rate), "middle", "normal"));
        }
        svg.append(text(
                left + PANEL_WIDTH / 2.0, TOP + PANEL_HEIGHT + 34, "target orders per second", "middle", "normal"));
        for (int i = 0; i < systems.size(); i++) {
            String colour = COLOURS[i % COLOURS.length];
            List<RateStep> steps = systems.get(i).steps();
            series(left, steps, step -> latency.apply(step).p50(), colour, "6,4");
            series(left, steps, step -> latency.apply(step).p99(), colour, "");
        }
    }

    private void series(
            int left, List<RateStep> steps, ToDoubleFunction<RateStep> millis, String colour, String dashes) {
        StringBuilder points = new StringBuilder();
        for (RateStep step : steps) {
            points.append(String.format(
                    Locale.ROOT, "%.1f,%.1f ", left + x(step.post().targetRate()), y(millis.applyAsDouble(step))));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                points.toString().strip(),
                colour,
                dashes.isEmpty() ? "" : " stroke-dasharray=\"" + dashes + "\""));
        for (RateStep step : steps) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    left + x(step.post().targetRate()),
                    y(millis.applyAsDouble(step)),
                    step.sustained() ? colour : "white",
                    colour));
        }
    }

    private void legend(int y) {
        int x = LEFT;
        for (int i = 0; i < systems.size(); i++) {
            String colour = COLOURS[i % COLOURS.length];
            svg.append(line(x, y, x + 30, y, colour, 2, ""));
            svg.append(text(x + 36, y + 4, Markdown.partitions(systems.get(i).partitions()), "start", "normal"));
            x += 130;
        }
        svg.append(line(x, y, x + 30, y, "#444", 2, "6,4"));
        svg.append(text(x + 36, y + 4, "p50", "start", "normal"));
        svg.append(line(x + 80, y, x + 110, y, "#444", 2, ""));
        svg.append(text(x + 116, y + 4, "p99", "start", "normal"));
        svg.append(text(x + 160, y + 4, "hollow: rate not sustained", "start", "normal"));
    }

    private double x(double rate) {
        return rate / (maxRate * 1.05) * PANEL_WIDTH;
    }

    private static double y(double millis) {
        double clamped = Math.max(MIN_MILLIS, Math.min(MAX_MILLIS, millis));
        double share = Math.log10(clamped / MIN_MILLIS) / Math.log10(MAX_MILLIS / MIN_MILLIS);
        return TOP + PANEL_HEIGHT * (1 - share);
    }

    private double[] rateTicks() {
        double step = maxRate <= 200 ? 20 : maxRate <= 1_000 ? 100 : 250;
        int count = (int) (maxRate / step) + 1;
        double[] ticks = new double[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = i * step;
        }
        return ticks;
    }

    private static String label(double millis) {
        return millis >= 1_000 ? (long) (millis / 1_000) + " s" : (long) millis + " ms";
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, int width, String dashes) {
        return String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%d\"%s/>%n",
                x1,
                y1,
                x2,
                y2,
                colour,
                width,
                dashes.isEmpty() ? "" : " stroke-dasharray=\"" + dashes + "\"");
    }

    private static String text(double x, double y, String content, String anchor, String weight) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-weight=\"%s\">%s</text>%n",
                x,
                y,
                anchor,
                weight,
                content);
    }
}
