package dev.outboxstock.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of the outbox table: an event that leaves the service once the transaction that wrote it commits. The
 * relay routes it by {@code aggregatetype}, keys it by {@code aggregateid} and carries {@code id}, {@code type} and
 * {@code traceparent} as headers. The table comes with this library ({@code db/outbox/R__outbox_event.sql});
 * {@code created_at} defaults to the time of the insert.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    private UUID id;

    @Column(name = "aggregatetype", nullable = false)
    private String aggregateType;

    @Column(name = "aggregateid", nullable = false)
    private String aggregateId;

    @Column(nullable = false)
    private String type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String payload;

    private String traceparent;

    protected OutboxEvent() {}

    OutboxEvent(UUID id, String aggregateType, String aggregateId, String type, String payload, String traceparent) {
        this.id = id;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.type = type;
        this.payload = payload;
        this.traceparent = traceparent;
    }
}
