package dev.outboxstock.console.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboxstock.console.deadletter.DeadLetter;
import dev.outboxstock.console.deadletter.RecordBytes;
import dev.outboxstock.console.deadletter.RecordHeader;
import dev.outboxstock.console.kafka.RawHeaders;
import dev.outboxstock.contract.DeadLetterHeaders;
import dev.outboxstock.contract.DeadLetterTopic;
import dev.outboxstock.contract.RelayedRecord;
import dev.outboxstock.contract.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The record a replay sends: to the topic the dead letter came from, with its key, value and headers as received, byte
 * for byte (so its event id: consumers apply it once however often it is replayed), minus the dead-letter headers, plus
 * {@code redrive-history}. A relay's dead letter is routed as the relay routes a row, by the event contract's rule (OutboxRouting).
 */
@ApplicationScoped
public class ReplayRecords {

    private final OutboxRowJson outboxRows;
    private final ObjectMapper objectMapper;

    public ReplayRecords(OutboxRowJson outboxRows, ObjectMapper objectMapper) {
        this.outboxRows = outboxRows;
        this.objectMapper = objectMapper;
    }

    public ProducerRecord<byte[], byte[]> of(DeadLetter deadLetter) throws UnroutableDeadLetterException {
        ProducerRecord<byte[], byte[]> record =
                DeadLetterTopic.NAME.equals(deadLetter.topic()) ? routedRow(deadLetter) : asReceived(deadLetter);
        record.headers().add(DeadLetterHeaders.REDRIVE_HISTORY, utf8(history(deadLetter)));
        return record;
    }

    /** The record as received: its own bytes (only its text for one indexed before the bytes were kept). */
    private ProducerRecord<byte[], byte[]> asReceived(DeadLetter deadLetter) throws UnroutableDeadLetterException {
        String topic = contractTopic(deadLetter
                .sourceTopic()
                .orElseThrow(() -> new UnroutableDeadLetterException(
                        "the dead letter names no source topic (header " + DeadLetterHeaders.TOPIC + ")")));
        RecordBytes bytes = deadLetter.bytes().orElseGet(() -> asText(deadLetter));
        RecordHeaders headers = new RecordHeaders();
        RawHeaders.decode(bytes.headers()).stream()
                .filter(header -> !header.key().startsWith(DeadLetterHeaders.PREFIX))
                .filter(header -> !header.key().equals(DeadLetterHeaders.REDRIVE_HISTORY))
                .forEach(headers::add);
        return new ProducerRecord<>(topic, null, bytes.key(), bytes.value(), headers);
    }

    /** The bytes of a dead letter indexed before they were kept: its texts, as UTF-8. */
    private static RecordBytes asText(DeadLetter deadLetter) {
        List<Header> headers = deadLetter.headers().stream()
                .<Header>map(header ->
                        new org.apache.kafka.common.header.internals.RecordHeader(header.name(), utf8(header.value())))
                .toList();
        return new RecordBytes(
                deadLetter.key().map(ReplayRecords::utf8).orElse(null),
                deadLetter.value().map(ReplayRecords::utf8).orElse(null),
                RawHeaders.encode(headers));
    }

    private ProducerRecord<byte[], byte[]> routedRow(DeadLetter deadLetter) throws UnroutableDeadLetterException {
        RelayedRecord routed = outboxRows.routed(deadLetter.value());
        RecordHeaders headers = new RecordHeaders();
        routed.headers().forEach((name, value) -> headers.add(name, utf8(value)));
        return new ProducerRecord<>(
                contractTopic(routed.topic()), null, utf8(routed.key()), utf8(routed.value()), headers);
    }

    /** Only the contract's event topics: a replay never creates a topic or writes where no consumer reads. */
    private static String contractTopic(String topic) throws UnroutableDeadLetterException {
        if (!Topics.EVENTS.contains(topic)) {
            throw new UnroutableDeadLetterException(
                    "it is bound for '" + topic + "', which is no event topic of the contract " + Topics.EVENTS);
        }
        return topic;
    }

    /** The earlier dead-letterings the record carried, and this one. */
    private String history(DeadLetter deadLetter) {
        ArrayNode history = deadLetter.headers().stream()
                .filter(header -> header.name().equals(DeadLetterHeaders.REDRIVE_HISTORY))
                .reduce((first, second) -> second)
                .map(RecordHeader::value)
                .flatMap(this::array)
                .orElseGet(objectMapper::createArrayNode);
        ObjectNode entry = history.addObject();
        entry.put("reason", deadLetter.reason().orElse(null));
        entry.put("topic", deadLetter.topic());
        entry.put("partition", deadLetter.partition());
        entry.put("offset", deadLetter.offset());
        entry.put("deadLetteredAt", deadLetter.deadLetteredAt().toString());
        return history.toString();
    }

    private Optional<ArrayNode> array(String json) {
        try {
            return Optional.ofNullable(objectMapper.readTree(json))
                    .filter(ArrayNode.class::isInstance)
                    .map(ArrayNode.class::cast);
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
