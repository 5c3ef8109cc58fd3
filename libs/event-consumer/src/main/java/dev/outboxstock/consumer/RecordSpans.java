package dev.outboxstock.consumer;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One consumer span per record, continuing the trace whose context the record carries in its {@code traceparent}
 * header (the relay's producer span). A batch's records are applied together, but each keeps its own trace: the
 * span of one record is never the parent of another's work.
 */
@ApplicationScoped
public class RecordSpans {

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false)
                    .map(Header::key)
                    .toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public RecordSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.outboxstock.consumer");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Starts the span of processing {@code record}; the caller ends it. */
    Span start(IncomingKafkaRecord<String, String> record) {
        Context producer = propagator.extract(Context.root(), record.getHeaders(), HEADERS);
        return tracer.spanBuilder(record.getTopic() + " process")
                .setParent(producer)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.getTopic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.getPartition()))
                .setAttribute("messaging.kafka.offset", record.getOffset())
                .startSpan();
    }

    /** Ends the span of a record that was dead-lettered, marked as failed with the reason. */
    static void endFailed(Span span, Throwable reason) {
        span.recordException(reason);
        span.setStatus(StatusCode.ERROR, "dead-lettered: " + reason.getMessage());
        span.end();
    }
}
