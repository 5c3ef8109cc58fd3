package dev.outboxstock.relay.publish;

import dev.outboxstock.contract.EventHeaders;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Continues the trace an outbox row stored: a producer span for its record, a child of the row's context (the span
 * that wrote the row), and that span's context in the record's {@code traceparent} header in place of the row's, so
 * that the consumer's span is the relay's child. A row stored without a context gets no span: the relay starts no
 * trace of its own.
 */
@ApplicationScoped
public class DeliverySpans {

    /** The row's context, as the router put it in the record's headers, read and written as text. */
    private static final TextMapGetter<Map<String, String>> TEXT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public DeliverySpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.outboxstock.relay");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Starts the producer span of {@code record} when its row stored a trace context; the caller ends it. */
    Optional<Span> start(ProducerRecord<String, String> record) {
        Header stored = record.headers().lastHeader(EventHeaders.TRACEPARENT);
        if (stored == null || stored.value() == null) {
            return Optional.empty();
        }
        Context row = propagator.extract(
                Context.root(),
                Map.of(EventHeaders.TRACEPARENT, new String(stored.value(), StandardCharsets.UTF_8)),
                TEXT);
        if (!Span.fromContext(row).getSpanContext().isValid()) {
            return Optional.empty();
        }
        Span span = tracer.spanBuilder(record.topic() + " publish")
                .setParent(row)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "publish")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.kafka.message.key", record.key() == null ? "" : record.key())
                .startSpan();
        Map<String, String> context = new HashMap<>();
        propagator.inject(row.with(span), context, Map::put);
        context.forEach((name, value) -> {
            record.headers().remove(name);
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        });
        return Optional.of(span);
    }
}
