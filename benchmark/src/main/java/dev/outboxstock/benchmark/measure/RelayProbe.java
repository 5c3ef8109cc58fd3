package dev.outboxstock.benchmark;

import dev.outboxstock.localstack.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a running relay's health and metrics over HTTP. */
final class RelayProbe {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI baseUri;

    RelayProbe(ServiceProcess relay) {
        this.baseUri = relay.baseUri();
    }

    boolean isStreaming() throws IOException, InterruptedException {
        return get("/q/health/ready").contains("STREAMING");
    }

    /** Rows Kafka acknowledged since this relay process started. */
    long relayed() throws IOException, InterruptedException {
        return get("/q/metrics")
                .lines()
                .filter(line -> line.startsWith("relay_records_relayed_total"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(Duration.ofSeconds(5))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
