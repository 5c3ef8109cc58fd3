package dev.outboxstock.benchmark.measure;

import dev.outboxstock.localstack.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a running service's health and its Prometheus metrics ({@code /q/metrics}) over HTTP. */
public final class ServiceMetrics {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI baseUri;

    public ServiceMetrics(ServiceProcess service) {
        this.baseUri = service.baseUri();
    }

    /** The sum of every series of a counter, for example {@code relay_records_relayed_total}; 0 when absent. */
    public long counter(String name) {
        return (long) get("/q/metrics")
                .lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The body of the readiness check, which names the state of what the service depends on. */
    public String readiness() {
        return get("/q/health/ready");
    }

    private String get(String path) {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + baseUri.resolve(path), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
