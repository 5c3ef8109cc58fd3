package dev.outboxstock.benchmark.measure;

import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.localstack.testing.ServiceEndpoints;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a running service's health and its Prometheus metrics ({@code /q/metrics}) over HTTP. */
public final class ServiceMetrics {

    private static final Pattern BUCKET_BOUND = Pattern.compile("le=\"([^\"]+)\"");

    private final ServiceProcess service;

    public ServiceMetrics(ServiceProcess service) {
        this.service = service;
    }

    /** The sum of every series of a counter, for example {@code relay_records_relayed_total}; 0 when absent. */
    public long counter(String name) {
        return sum(name);
    }

    /** The sum of every series of a gauge, for example {@code agroal_max_used_count}; 0 when absent. */
    public long gauge(String name) {
        return sum(name);
    }

    private long sum(String name) {
        return (long) ServiceEndpoints.sum(metrics(), name);
    }

    /** The buckets of a histogram, for example {@code relay_commit_to_ack_seconds}. */
    public HistogramBuckets histogram(String name) {
        NavigableMap<Double, Long> counts = new TreeMap<>();
        metrics().lines().filter(line -> line.startsWith(name + "_bucket{")).forEach(line -> {
            Matcher bound = BUCKET_BOUND.matcher(line);
            if (bound.find()) {
                counts.put(
                        bound.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound.group(1)),
                        (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        });
        return new HistogramBuckets(counts);
    }

    /** The body of the readiness check, which names the state of what the service depends on. */
    public String readiness() {
        return ServiceEndpoints.get(service, ServiceEndpoints.READINESS).body();
    }

    private String metrics() {
        return ServiceEndpoints.get(service, ServiceEndpoints.METRICS).body();
    }
}
