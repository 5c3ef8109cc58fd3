package dev.outboxstock.relay.route;

import dev.outboxstock.contract.DeadLetterReason;
import dev.outboxstock.contract.DeadLetterTopic;
import dev.outboxstock.contract.OutboxRouting;
import dev.outboxstock.contract.RelayedRecord;
import dev.outboxstock.contract.RoutingDecision;
import dev.outboxstock.contract.RoutingRules;
import dev.outboxstock.relay.config.RelayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Makes Kafka records of captured outbox rows by the event contract's rule ({@link OutboxRouting}), with this relay's
 * configured columns, and the commit time as timestamp. A row that cannot be routed goes to the dead-letter topic,
 * whole, with the reason in headers: never dropped, never stopping the others.
 */
@ApplicationScoped
public class OutboxRowRouter {

    private final RoutingRules rules;
    private final String deadLetterTopic;
    private final String source;

    public OutboxRowRouter(RelayConfig config) {
        this.rules = ConfiguredRules.of(config.routing());
        this.deadLetterTopic = config.routing().deadLetterTopic();
        this.source = config.name() + "/" + config.source().table();
    }

    public Delivery route(CapturedRow row) {
        RoutingDecision decision = OutboxRouting.route(row, rules);
        if (decision instanceof RoutingDecision.Unroutable unroutable) {
            return Delivery.deadLetter(
                    row,
                    deadLetterRecord(row, unroutable.reason(), unroutable.detail(), row.toJson()),
                    unroutable.reason());
        }
        RelayedRecord record = ((RoutingDecision.Routed) decision).record();
        return Delivery.routed(
                row,
                new ProducerRecord<>(
                        record.topic(),
                        null,
                        row.committedAtMillis(),
                        record.key(),
                        record.value(),
                        headers(record.headers())));
    }

    /**
     * The dead letter for a row Kafka refused: without its value, which is what Kafka refused. The row stays in
     * the outbox table; the event id header finds it.
     */
    public Delivery rejected(CapturedRow row, String detail) {
        return Delivery.deadLetter(
                row,
                deadLetterRecord(row, DeadLetterReason.REJECTED_BY_KAFKA, detail, null),
                DeadLetterReason.REJECTED_BY_KAFKA);
    }

    private ProducerRecord<String, String> deadLetterRecord(
            CapturedRow row, DeadLetterReason reason, String detail, String value) {
        RecordHeaders headers = headers(OutboxRouting.headers(row, rules));
        add(headers, DeadLetterTopic.REASON_HEADER, reason.name());
        add(headers, DeadLetterTopic.DETAIL_HEADER, detail);
        add(headers, DeadLetterTopic.SOURCE_HEADER, source);
        String key = row.text(rules.keyColumn()).orElse(null);
        return new ProducerRecord<>(deadLetterTopic, null, row.committedAtMillis(), key, value, headers);
    }

    private static RecordHeaders headers(Map<String, String> values) {
        RecordHeaders headers = new RecordHeaders();
        values.forEach((name, value) -> add(headers, name, value));
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
