package dev.outboxstock.system.tracing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP (protobuf) trace receiver inside the test, so that no collector has to run: the services export to
 * {@link #endpoint()} and the test reads what they sent.
 */
public final class OtlpTraceReceiver implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OtlpTraceReceiver.class.getName());

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpTraceReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpTraceReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OtlpTraceReceiver receiver = new OtlpTraceReceiver(server);
        server.createContext("/", receiver::export);
        server.start();
        return receiver;
    }

    /** The base URL to export to; the exporter posts to {@code /v1/traces} below it. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            receive(exchange);
        } catch (IOException | RuntimeException | LinkageError e) {
            // The JDK's server would swallow it, and the test would only see no spans.
            LOG.log(Level.WARNING, "Cannot take an export", e);
            throw e;
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        InputStream body = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            body = new GZIPInputStream(body);
        }
        ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name"))
                    .map(KeyValue::getValue)
                    .map(AnyValue::getStringValue)
                    .findFirst()
                    .orElse("?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                scope.getSpansList().forEach(span -> spans.add(ReceivedSpan.of(service, span)));
            }
        }
        byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A span as exported: which process sent it, its ids in hex, its name, kind and duration. */
    public record ReceivedSpan(
            String service, String traceId, String spanId, String parentSpanId, String name, String kind, long nanos) {

        static ReceivedSpan of(String service, Span span) {
            HexFormat hex = HexFormat.of();
            return new ReceivedSpan(
                    service,
                    hex.formatHex(span.getTraceId().toByteArray()),
                    hex.formatHex(span.getSpanId().toByteArray()),
                    hex.formatHex(span.getParentSpanId().toByteArray()),
                    span.getName(),
                    span.getKind().name().replace("SPAN_KIND_", ""),
                    span.getEndTimeUnixNano() - span.getStartTimeUnixNano());
        }

        public boolean isRoot() {
            return parentSpanId.isEmpty();
        }

        @Override
        public String toString() {
            return String.format("%-18s %-9s %-32s %6.1f ms", service, kind, name, nanos / 1e6);
        }
    }
}
