package dev.outboxstock.benchmark.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What Linux tells about a process in {@code /proc}: resident memory and CPU time, its own and that of the children
 * it reaped. Empty where there is no {@code /proc} (macOS) or the process is gone.
 */
final class ProcFiles {

    /** Clock ticks per second of the CPU times in {@code /proc/<pid>/stat}; 100 on every common Linux. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcFiles() {}

    static Optional<Long> residentBytes(long pid) {
        return read(Path.of("/proc", String.valueOf(pid), "status"))
                .flatMap(status -> status.lines()
                        .filter(line -> line.startsWith("VmRSS:"))
                        .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                        .findFirst());
    }

    /** CPU seconds the process used, plus those of its children that ended and that it waited for. */
    static Optional<Double> cpuSecondsWithReapedChildren(long pid) {
        return stat(pid)
                .map(fields -> (Long.parseLong(fields[11])
                                + Long.parseLong(fields[12])
                                + Long.parseLong(fields[13])
                                + Long.parseLong(fields[14]))
                        / TICKS_PER_SECOND);
    }

    /**
     * CPU seconds of a process and of all its children, living or ended (reaped): for example PostgreSQL's
     * postmaster with every connection's backend, the WAL writer and autovacuum workers.
     */
    static double cpuSecondsWithChildren(ProcessHandle parent) {
        double children = parent.children()
                .mapToDouble(child -> cpuSeconds(child.pid()).orElse(0.0))
                .sum();
        return cpuSecondsWithReapedChildren(parent.pid()).orElse(Double.NaN) + children;
    }

    static Optional<Double> cpuSeconds(long pid) {
        return stat(pid).map(fields -> (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND);
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name, from the state (field 3) on. */
    private static Optional<String[]> stat(long pid) {
        return read(Path.of("/proc", String.valueOf(pid), "stat"))
                .map(stat -> stat.substring(stat.lastIndexOf(')') + 2).split(" "));
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | SecurityException gone) {
            return Optional.empty();
        }
    }
}
