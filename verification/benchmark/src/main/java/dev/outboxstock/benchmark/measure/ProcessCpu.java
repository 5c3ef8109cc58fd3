package dev.outboxstock.benchmark.measure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU seconds (user + system, from {@code /proc/<pid>/stat}) that each process of the system spent over a span of
 * time, so that a change which moves work from one process to another shows. PostgreSQL counts with all its server
 * processes, also those that ended; the load generator is this JVM.
 */
public final class ProcessCpu {

    public static final String POSTGRESQL = "PostgreSQL";
    public static final String LOAD_GENERATOR = "load generator";

    private final Map<String, ProcessHandle> processes;
    private final ProcessHandle postmaster;

    /** {@code processes}: by name, in the order the report lists them; {@code postmaster}: PostgreSQL's. */
    public ProcessCpu(Map<String, ProcessHandle> processes, ProcessHandle postmaster) {
        this.processes = new LinkedHashMap<>(processes);
        this.postmaster = postmaster;
    }

    public Span start() {
        return new Span(read(), System.nanoTime());
    }

    /** The readings at the start of a span. */
    public final class Span {

        private final Map<String, Double> atStart;
        private final long startedNanos;

        private Span(Map<String, Double> atStart, long startedNanos) {
            this.atStart = atStart;
            this.startedNanos = startedNanos;
        }

        public CpuUsage end() {
            Map<String, Double> spent = new LinkedHashMap<>();
            read().forEach((name, seconds) -> spent.put(name, seconds - atStart.get(name)));
            return new CpuUsage((System.nanoTime() - startedNanos) / 1e9, spent);
        }
    }

    private Map<String, Double> read() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        processes.forEach((name, process) ->
                seconds.put(name, ProcFiles.cpuSeconds(process.pid()).orElse(Double.NaN)));
        seconds.put(POSTGRESQL, ProcFiles.cpuSecondsWithChildren(postmaster));
        seconds.put(
                LOAD_GENERATOR,
                ProcFiles.cpuSeconds(ProcessHandle.current().pid()).orElse(Double.NaN));
        return seconds;
    }
}
