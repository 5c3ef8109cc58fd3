package dev.outboxstock.benchmark.measure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The peak resident memory (RSS) of named processes, sampled every half second while it runs. */
public final class ResidentMemory implements AutoCloseable {

    private final Map<String, ProcessHandle> processes;
    private final Map<String, Long> peakBytes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "resident-memory");
        thread.setDaemon(true);
        return thread;
    });

    public ResidentMemory(Map<String, ProcessHandle> processes) {
        this.processes = new LinkedHashMap<>(processes);
        sampler.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** The peak of each process since the previous call, in MiB, in the order the processes were given. */
    public synchronized Map<String, Long> takePeaksMiB() {
        sample();
        Map<String, Long> peaks = new LinkedHashMap<>();
        processes.keySet().forEach(name -> peaks.put(name, peakBytes.getOrDefault(name, 0L) >> 20));
        peakBytes.clear();
        return peaks;
    }

    private synchronized void sample() {
        processes.forEach((name, process) ->
                ProcFiles.residentBytes(process.pid()).ifPresent(bytes -> peakBytes.merge(name, bytes, Math::max)));
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
