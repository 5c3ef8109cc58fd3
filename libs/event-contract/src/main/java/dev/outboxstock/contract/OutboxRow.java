package dev.outboxstock.contract;

import java.util.Optional;
import java.util.UUID;

/**
 * The columns of one outbox row that leave the service: what {@link OutboxRouting#route} turns into a Kafka record.
 * The column names are the {@code outbox_event} table's (Debezium's outbox event router's defaults).
 *
 * @param payload the payload as the database gives it back (jsonb's text form), byte for byte the record value
 */
public record OutboxRow(
        UUID id, String aggregateType, String aggregateId, String type, String payload, Optional<String> traceparent)
        implements OutboxColumns {

    public static final String ID_COLUMN = "id";
    public static final String AGGREGATE_TYPE_COLUMN = "aggregatetype";
    public static final String AGGREGATE_ID_COLUMN = "aggregateid";
    public static final String TYPE_COLUMN = "type";
    public static final String PAYLOAD_COLUMN = "payload";
    public static final String TRACEPARENT_COLUMN = "traceparent";

    @Override
    public Optional<String> text(String column) {
        return switch (column) {
            case ID_COLUMN -> Optional.ofNullable(id).map(UUID::toString);
            case AGGREGATE_TYPE_COLUMN -> Optional.ofNullable(aggregateType);
            case AGGREGATE_ID_COLUMN -> Optional.ofNullable(aggregateId);
            case TYPE_COLUMN -> Optional.ofNullable(type);
            case PAYLOAD_COLUMN -> Optional.ofNullable(payload);
            case TRACEPARENT_COLUMN -> traceparent;
            default -> Optional.empty();
        };
    }

    /** The payload column is {@code jsonb}. */
    @Override
    public boolean isJson(String column) {
        return PAYLOAD_COLUMN.equals(column);
    }
}
