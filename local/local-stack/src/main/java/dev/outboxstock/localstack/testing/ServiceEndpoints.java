package dev.outboxstock.localstack.testing;

import dev.outboxstock.localstack.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads what a service running in a process of its own answers on Quarkus' paths for health and Prometheus metrics,
 * over plain HTTP (a Quarkus test of the service itself asks its application through RestAssured instead).
 */
public final class ServiceEndpoints {

    public static final String HEALTH = "/q/health";
    public static final String LIVENESS = "/q/health/live";
    public static final String READINESS = "/q/health/ready";
    public static final String METRICS = "/q/metrics";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Long enough for a service busy under load to answer a scrape. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ServiceEndpoints() {}

    /** The service's answer to a GET of this path, whatever its status. */
    public static HttpResponse<String> get(ServiceProcess service, String path) {
        URI uri = service.baseUri().resolve(path);
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading " + uri, e);
        }
    }

    /**
     * The sum of every series of a metric, tagged or not, in a Prometheus text exposition such as the body of
     * {@link #METRICS}; 0 when it has none.
     */
    public static double sum(String exposition, String name) {
        return exposition
                .lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
