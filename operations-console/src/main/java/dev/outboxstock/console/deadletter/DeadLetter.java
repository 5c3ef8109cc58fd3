package dev.outboxstock.console.deadletter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A record of a dead-letter topic, whole (key, headers, value: shown as text, and kept as the bytes received), with
 * what its headers say (reason, where it was read, event id and type) and what operators did with it.
 */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String topic;

    @Column(name = "kafka_partition", nullable = false)
    private int partition;

    @Column(name = "kafka_offset", nullable = false)
    private long offset;

    @Column(name = "record_key")
    private String key;

    @Column(name = "record_value")
    private String value;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<RecordHeader> headers;

    private String reason;

    @Column(name = "source_topic")
    private String sourceTopic;

    @Column(name = "source_partition")
    private Integer sourcePartition;

    @Column(name = "source_offset")
    private Long sourceOffset;

    @Column(name = "event_id")
    private String eventId;

    @Column(name = "event_type")
    private String eventType;

    @Column(name = "dead_lettered_at", nullable = false)
    private Instant deadLetteredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeadLetterStatus status;

    @Column(nullable = false)
    private int replays;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "raw_key")
    private byte[] rawKey;

    @Column(name = "raw_value")
    private byte[] rawValue;

    @Column(name = "raw_headers")
    private byte[] rawHeaders;

    protected DeadLetter() {}

    public void replayed(Instant at) {
        status = DeadLetterStatus.REPLAYED;
        replays++;
        updatedAt = at;
    }

    public void discarded(Instant at) {
        status = DeadLetterStatus.DISCARDED;
        updatedAt = at;
    }

    public long id() {
        return id;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    public List<RecordHeader> headers() {
        return List.copyOf(headers);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> sourceTopic() {
        return Optional.ofNullable(sourceTopic);
    }

    public Optional<Integer> sourcePartition() {
        return Optional.ofNullable(sourcePartition);
    }

    public Optional<Long> sourceOffset() {
        return Optional.ofNullable(sourceOffset);
    }

    public Optional<String> eventId() {
        return Optional.ofNullable(eventId);
    }

    public Optional<String> eventType() {
        return Optional.ofNullable(eventType);
    }

    public Instant deadLetteredAt() {
        return deadLetteredAt;
    }

    public DeadLetterStatus status() {
        return status;
    }

    public int replays() {
        return replays;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The record's bytes as received; empty for one indexed before they were kept (only its text is known). */
    public Optional<RecordBytes> bytes() {
        return Optional.ofNullable(rawHeaders).map(headers -> new RecordBytes(rawKey, rawValue, headers));
    }
}
