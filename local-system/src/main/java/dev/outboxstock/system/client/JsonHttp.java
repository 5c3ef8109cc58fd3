package dev.outboxstock.system.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** JSON over HTTP for the typed clients: one request, one expected status, one mapped body, as one bearer. */
final class JsonHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI baseUri;
    private final String token;

    /** {@code token}: the bearer token every request presents. */
    JsonHttp(URI baseUri, String token) {
        this.baseUri = baseUri;
        this.token = token;
    }

    <T> T send(String method, String path, Object body, int expectedStatus, Class<T> responseType) {
        return send(method, path, body, Map.of(), expectedStatus, responseType);
    }

    <T> T send(
            String method,
            String path,
            Object body,
            Map<String, String> headers,
            int expectedStatus,
            Class<T> responseType) {
        HttpResponse<byte[]> response = exchange(method, path, body, headers);
        if (response.statusCode() != expectedStatus) {
            throw unexpected(method, path, response);
        }
        return read(response, responseType);
    }

    /** The resource at {@code path}, or empty when the server answers 404. */
    <T> Optional<T> find(String path, Class<T> responseType) {
        HttpResponse<byte[]> response = exchange("GET", path, null, Map.of());
        return switch (response.statusCode()) {
            case 200 -> Optional.of(read(response, responseType));
            case 404 -> Optional.empty();
            default -> throw unexpected("GET", path, response);
        };
    }

    private HttpResponse<byte[]> exchange(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri.resolve(path));
            headers.forEach(builder::header);
            HttpRequest request = builder.timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + baseUri.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static <T> T read(HttpResponse<byte[]> response, Class<T> type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable answer from " + response.uri(), e);
        }
    }

    private static UnexpectedResponseException unexpected(String method, String path, HttpResponse<byte[]> response) {
        return new UnexpectedResponseException(
                method, path, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }
}
