package dev.outboxstock.console.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboxstock.console.deadletter.DeadLetter;
import dev.outboxstock.console.deadletter.RecordHeader;
import dev.outboxstock.contract.DeadLetterHeaders;
import dev.outboxstock.contract.DeadLetterTopic;
import dev.outboxstock.contract.RelayedRecord;
import dev.outboxstock.contract.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The record a replay sends: to the topic the dead letter came from, with its key, value and headers (so its event
 * id: consumers apply it once however often it is replayed), minus the dead-letter headers, plus
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

    public ProducerRecord<String, String> of(DeadLetter deadLetter) throws UnroutableDeadLetterException {
        ProducerRecord<String, String> record =
                DeadLetterTopic.NAME.equals(deadLetter.topic()) ? routedRow(deadLetter) : asReceived(deadLetter);
        record.headers().add(DeadLetterHeaders.REDRIVE_HISTORY, utf8(history(deadLetter)));
        return record;
    }

    private ProducerRecord<String, String> asReceived(DeadLetter deadLetter) throws UnroutableDeadLetterException {
        String topic = contractTopic(deadLetter
                .sourceTopic()
                .orElseThrow(() -> new UnroutableDeadLetterException(
                        "the dead letter names no source topic (header " + DeadLetterHeaders.TOPIC + ")")));
        RecordHeaders headers = new RecordHeaders();
        deadLetter.headers().stream()
                .filter(header -> !header.name().startsWith(DeadLetterHeaders.PREFIX))
                .filter(header -> !header.name().equals(DeadLetterHeaders.REDRIVE_HISTORY))
                .forEach(header -> headers.add(header.name(), header.value() == null ? null : utf8(header.value())));
        return new ProducerRecord<>(
                topic, null, deadLetter.key().orElse(null), deadLetter.value().orElse(null), headers);
    }

    private ProducerRecord<String, String> routedRow(DeadLetter deadLetter) throws UnroutableDeadLetterException {
        RelayedRecord routed = outboxRows.routed(deadLetter.value());
        RecordHeaders headers = new RecordHeaders();
        routed.headers().forEach((name, value) -> headers.add(name, utf8(value)));
        return new ProducerRecord<>(contractTopic(routed.topic()), null, routed.key(), routed.value(), headers);
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
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
