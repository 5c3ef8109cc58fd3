package dev.outboxstock.console.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboxstock.console.deadletter.DisplayText;
import dev.outboxstock.console.deadletter.NewDeadLetter;
import dev.outboxstock.console.deadletter.RecordBytes;
import dev.outboxstock.console.deadletter.RecordHeader;
import dev.outboxstock.console.service.OutboxRowJson;
import dev.outboxstock.contract.DeadLetterHeaders;
import dev.outboxstock.contract.DeadLetterTopic;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.OutboxRouting;
import dev.outboxstock.contract.OutboxRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads what a dead letter says about itself. A consumer's dead letter (SmallRye's dead-letter queue) names its
 * source in {@code dead-letter-topic}, {@code -partition} and {@code -offset}; a relay's carries the outbox row,
 * whose {@code aggregatetype} names the topic it was bound for, and says why in {@code dead-letter-detail}.
 */
@ApplicationScoped
public class DeadLetterRecords {

    private final OutboxRowJson outboxRows;

    public DeadLetterRecords(OutboxRowJson outboxRows) {
        this.outboxRows = outboxRows;
    }

    /** What the record says, its bytes shown as text ({@link DisplayText}), and the bytes themselves. */
    public NewDeadLetter read(ConsumerRecord<byte[], byte[]> record) {
        List<RecordHeader> headers = StreamSupport.stream(record.headers().spliterator(), false)
                .map(header -> RecordHeader.of(header.key(), header.value()))
                .toList();
        String value = DisplayText.of(record.value());
        boolean fromRelay = DeadLetterTopic.NAME.equals(record.topic());
        Optional<JsonNode> row = fromRelay ? outboxRows.parse(value) : Optional.empty();
        return new NewDeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                Optional.ofNullable(DisplayText.of(record.key())),
                Optional.ofNullable(value),
                headers,
                reason(headers, fromRelay),
                fromRelay
                        ? row.flatMap(columns -> outboxRows.text(columns, OutboxRow.AGGREGATE_TYPE_COLUMN))
                                .map(OutboxRouting::topicFor)
                        : last(headers, DeadLetterHeaders.TOPIC),
                last(headers, DeadLetterHeaders.PARTITION).flatMap(DeadLetterRecords::integer),
                last(headers, DeadLetterHeaders.OFFSET).flatMap(DeadLetterRecords::number),
                last(headers, EventHeaders.EVENT_ID),
                last(headers, EventHeaders.EVENT_TYPE)
                        .or(() -> row.flatMap(columns -> outboxRows.text(columns, OutboxRow.TYPE_COLUMN))),
                Instant.ofEpochMilli(record.timestamp()),
                new RecordBytes(record.key(), record.value(), RawHeaders.encode(record.headers())));
    }

    private static Optional<String> reason(List<RecordHeader> headers, boolean fromRelay) {
        Optional<String> reason = last(headers, DeadLetterHeaders.REASON);
        Optional<String> more =
                fromRelay ? last(headers, DeadLetterTopic.DETAIL_HEADER) : last(headers, DeadLetterHeaders.CAUSE);
        return more.filter(detail -> reason.map(text -> !text.contains(detail)).orElse(true))
                .map(detail -> reason.map(text -> text + ": " + detail).orElse(detail))
                .or(() -> reason);
    }

    /** The last header of that name, as Kafka's {@code lastHeader} would pick it. */
    private static Optional<String> last(List<RecordHeader> headers, String name) {
        return headers.stream()
                .filter(header -> header.name().equals(name))
                .reduce((first, second) -> second)
                .map(RecordHeader::value);
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.valueOf(text.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.valueOf(text.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
