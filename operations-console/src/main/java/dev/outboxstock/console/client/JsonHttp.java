package dev.outboxstock.console.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * GETs from the other services' HTTP APIs with a time limit. Answers are read tolerantly (fields the console does
 * not use are ignored), so that a service may add to its API without breaking the console. A read of a service's API
 * carries the operator's own token ({@link #getAsCaller}): the services authorize the operator, and the console holds
 * no credential that could do more than the operator in front of it.
 */
@ApplicationScoped
public class JsonHttp {

    private final HttpClient http;
    private final ObjectMapper objectMapper;
    private final Duration timeout;
    private final JsonWebToken caller;

    public JsonHttp(ConsoleConfig config, ObjectMapper objectMapper, JsonWebToken caller) {
        this.timeout = config.readTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.objectMapper = objectMapper;
        this.caller = caller;
    }

    /** A GET of an endpoint open to all (a relay's health and metrics). */
    public Answer get(URI uri) {
        return send(HttpRequest.newBuilder(uri));
    }

    /** A GET of a service's API, as the operator whose request the console is serving. */
    public Answer getAsCaller(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + caller.getRawToken()));
    }

    private Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(timeout).GET().build();
        URI uri = request.uri();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(uri, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new ServiceUnreachableException(uri + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnreachableException("Interrupted while reading " + uri, e);
        }
    }

    public <T> T read(Answer answer, Class<T> type) {
        try {
            return objectMapper
                    .readerFor(type)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(answer.body());
        } catch (IOException e) {
            throw new ServiceUnreachableException(answer.uri() + " answered what the console cannot read: " + e, e);
        }
    }

    /** An HTTP answer: its status and body. */
    public record Answer(URI uri, int status, String body) {

        /** The answer, if its status is 200; otherwise the service is in trouble. */
        public Answer ok() {
            if (status != 200) {
                throw new ServiceUnreachableException(uri + " answered " + status);
            }
            return this;
        }
    }
}
