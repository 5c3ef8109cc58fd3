package dev.outboxstock.console.overview;

import dev.outboxstock.console.client.OrderServiceClient;
import dev.outboxstock.console.client.TimelineView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders placed over time as stacked bars, one per time bucket, one colour per status: drawn on the server as SVG
 * shapes, so the page needs no chart library.
 */
public record StatusChart(int width, int height, List<Bar> bars, List<Label> labels, long max) {

    static final int WIDTH = 720;
    /** Room on the right for the last time label. */
    private static final int PLOT_RIGHT = WIDTH - 24;

    static final int HEIGHT = 180;
    private static final int PLOT_TOP = 10;
    private static final int PLOT_BOTTOM = 150;
    private static final int PLOT_LEFT = 40;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** One status's part of one bucket's bar; {@code title} is its tooltip. */
    public record Bar(int x, int y, int width, int height, String status, String title) {}

    /** A label on the time axis. */
    public record Label(int x, String text) {}

    static StatusChart of(TimelineView timeline) {
        List<TimelineView.Point> points = timeline.points();
        long buckets = Math.max(
                1,
                timeline.bucket().isZero()
                        ? points.size()
                        : Duration.between(timeline.since(), Instant.now()).dividedBy(timeline.bucket()) + 1);
        long max = Math.max(
                1,
                points.stream()
                        .mapToLong(point -> point.counts().values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                        .max()
                        .orElse(0));
        double slot = (double) (PLOT_RIGHT - PLOT_LEFT) / buckets;
        int barWidth = Math.max(1, (int) Math.floor(slot * 0.8));
        List<Bar> bars = new ArrayList<>();
        for (TimelineView.Point point : points) {
            long index = Duration.between(timeline.since(), point.start()).dividedBy(timeline.bucket());
            int x = PLOT_LEFT + (int) Math.round(index * slot);
            int top = PLOT_BOTTOM;
            for (String status : OrderServiceClient.STATUSES) {
                long count = point.counts().getOrDefault(status, 0L);
                if (count == 0) {
                    continue;
                }
                int height = (int) Math.max(1, Math.round((double) count / max * (PLOT_BOTTOM - PLOT_TOP)));
                top -= height;
                bars.add(new Bar(
                        x, top, barWidth, height, status, TIME.format(point.start()) + " " + status + ": " + count));
            }
        }
        List<Label> labels = new ArrayList<>();
        long every = Math.max(1, buckets / 6);
        for (long index = 0; index < buckets; index += every) {
            labels.add(new Label(
                    PLOT_LEFT + (int) Math.round(index * slot),
                    TIME.format(timeline.since().plus(timeline.bucket().multipliedBy(index)))));
        }
        return new StatusChart(WIDTH, HEIGHT, bars, labels, max);
    }
}
