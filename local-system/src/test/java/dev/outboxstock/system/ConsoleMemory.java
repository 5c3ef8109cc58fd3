package dev.outboxstock.system;

import dev.outboxstock.localstack.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The operations console's peak resident set, as the benchmark reports the other services' (which it does not run:
 * no order passes through the console): read from the kernel's high-water mark ({@code VmHWM}) once the browser test
 * and a redrive of {@value #DEAD_LETTERS} dead letters have run, written in the benchmark report's form, so that the
 * deploy module's memory check reads it like the report (docs/operations-console-memory.md is a run of it).
 */
final class ConsoleMemory {

    static final String FILE = "operations-console-memory.md";
    static final int DEAD_LETTERS = 1_000;

    private ConsoleMemory() {}

    static void record(ServiceProcess console, Path file) throws IOException {
        long pid = console.processHandle().pid();
        long peakKiB = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No VmHWM for the console's process " + pid));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(
                file,
                List.of(
                        "# The operations console's memory",
                        "",
                        "Written by OperationsConsoleBrowserIT (local-system): the console's process after the browser"
                                + " test, the other tests of the run and a redrive of "
                                + String.format("%,d", DEAD_LETTERS)
                                + " dead letters in one action.",
                        "",
                        "## Resident memory under load",
                        "",
                        "Peak resident set size (the kernel's VmHWM). Each service runs with `-Xmx384m`.",
                        "",
                        "| Process | Browser test and redrive (MiB) |",
                        "| --- | --- |",
                        "| operations-console | " + (peakKiB >> 10) + " |"));
        System.out.printf("The operations console's peak resident set: %d MiB (%s)%n", peakKiB >> 10, file);
    }
}
