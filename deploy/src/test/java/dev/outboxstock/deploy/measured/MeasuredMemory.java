package dev.outboxstock.deploy.measured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a committed measurement ({@code docs/benchmark/report.md}, {@code docs/operations-console-memory.md}) found of
 * each process's memory: its peak resident set over every system it ran, and the heap it ran with.
 *
 * @param peakMiB the highest resident set of each process, by the report's name for it ({@code order relay}, …)
 * @param heapMiB the {@code -Xmx} the services ran with
 */
public record MeasuredMemory(Map<String, Long> peakMiB, long heapMiB) {

    private static final Pattern HEAP = Pattern.compile("Each service runs with `-Xmx(\\d+)m`");
    private static final String SECTION = "## Resident memory under load";

    /** The benchmark report's: every service and relay, and the broker. */
    public static MeasuredMemory fromReport(Path root) {
        return from(root.resolve("docs/benchmark/report.md"));
    }

    /**
     * The operations console's, which the benchmark does not run (no order passes through it): measured by its
     * browser test and a redrive of 1,000 dead letters, written in the report's form.
     */
    public static MeasuredMemory ofConsole(Path root) {
        return from(root.resolve("docs/operations-console-memory.md"));
    }

    private static MeasuredMemory from(Path report) {
        List<String> lines = read(report);
        int section = lines.indexOf(SECTION);
        if (section < 0) {
            throw new IllegalStateException(report + " has no section " + SECTION);
        }
        Map<String, Long> peaks = new LinkedHashMap<>();
        Long heap = null;
        for (String line : lines.subList(section + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher heapSetting = HEAP.matcher(line);
            if (heapSetting.find()) {
                heap = Long.parseLong(heapSetting.group(1));
            }
            String[] cells = line.split("\\|");
            if (cells.length > 2 && cells[2].trim().matches("\\d+")) {
                long peak = Arrays.stream(cells, 2, cells.length)
                        .mapToLong(cell -> Long.parseLong(cell.trim()))
                        .max()
                        .orElseThrow();
                peaks.put(cells[1].trim(), peak);
            }
        }
        if (heap == null || peaks.isEmpty()) {
            throw new IllegalStateException(report + "'s memory section has no heap setting or no figures");
        }
        return new MeasuredMemory(Map.copyOf(peaks), heap);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
