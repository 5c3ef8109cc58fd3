package dev.outboxstock.contract;

/** Kafka record headers that every relayed outbox event carries. */
public final class EventHeaders {

    /** The outbox row's unique event id (a UUID): consumers deduplicate on it. */
    public static final String EVENT_ID = "id";

    /** The event type, for example {@link StockDecreaseRequested#TYPE}. */
    public static final String EVENT_TYPE = "eventType";

    /**
     * The W3C trace context of the relay's producer span, a child of the span that wrote the outbox row; absent when
     * the row has none.
     */
    public static final String TRACEPARENT = "traceparent";

    private EventHeaders() {}
}
