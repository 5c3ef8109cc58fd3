package dev.outboxstock.relay.config;

import dev.outboxstock.contract.DeadLetterTopic;
import dev.outboxstock.contract.OutboxRouting;
import dev.outboxstock.contract.OutboxRow;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the relay reads from configuration ({@code application.properties} or environment variables, for
 * example {@code RELAY_SOURCE_HOST}). One relay instance serves one source database.
 */
@ConfigMapping(prefix = "relay")
public interface RelayConfig {

    /** Names this relay: its offsets are stored under this name. */
    @WithDefault("outbox-relay")
    String name();

    Source source();

    Routing routing();

    Kafka kafka();

    HighAvailability ha();

    /** How often the engine polls the connector's queue when it is empty: the floor of the relay's latency. */
    @WithDefault("10ms")
    Duration pollInterval();

    /**
     * How often the position of the records Kafka acknowledged is written to the offset table. A crash re-sends
     * what was acknowledged since, plus the batch in hand. 0 writes it after every batch, but then every batch
     * waits for that commit's fsync: at 1,000 rows/s the benchmark's p99 went from about 50 ms to 250 ms.
     */
    @WithDefault("100ms")
    Duration offsetFlushInterval();

    /**
     * How often the relay writes a heartbeat into the WAL and confirms its position, so that the slot advances
     * while the outbox is idle and other tables fill the WAL.
     */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** How often the slot is read (lost or not, and the WAL it retains) for the metrics and the health check. */
    @WithDefault("5s")
    Duration slotCheckInterval();

    /**
     * How long stopping waits for the engine to finish its batch and store its position. Past it the relay exits
     * anyway: a restart re-sends from the last stored position (duplicates, never a loss). The pod's grace period
     * covers it plus {@code quarkus.shutdown.timeout}.
     */
    @WithDefault("20s")
    Duration stopTimeout();

    /** Extra Debezium engine properties; they override the ones the relay derives. */
    Map<String, String> debezium();

    /** The database whose outbox table is relayed. */
    interface Source {

        String host();

        @WithDefault("5432")
        int port();

        String database();

        String user();

        String password();

        /** The outbox table, schema-qualified. */
        @WithDefault("public.outbox_event")
        String table();

        /** The logical replication slot; it keeps the WAL the relay has not yet confirmed. */
        @WithDefault("outbox_slot")
        String slot();

        /** The publication, covering the outbox table only; created by the owning service's migration. */
        @WithDefault("outbox_publication")
        String publication();

        /** Where Debezium keeps the relay's position, in the source database, so the relay has no local state. */
        @WithDefault("outbox_relay_offset")
        String offsetTable();
    }

    /** How an outbox row becomes a Kafka record. */
    interface Routing {

        /** One topic for every row; when absent, the topic is {@code <topic-column value><topic-suffix>}. */
        Optional<String> topic();

        @WithDefault(OutboxRow.AGGREGATE_TYPE_COLUMN)
        String topicColumn();

        @WithDefault(OutboxRouting.TOPIC_SUFFIX)
        String topicSuffix();

        /** The record key: rows with the same key reach Kafka in commit order. */
        @WithDefault(OutboxRow.AGGREGATE_ID_COLUMN)
        String keyColumn();

        /** The event id, sent as header {@code id}: consumers deduplicate on it. */
        @WithDefault(OutboxRow.ID_COLUMN)
        String idColumn();

        /** The record value: a JSON document. */
        @WithDefault(OutboxRow.PAYLOAD_COLUMN)
        String payloadColumn();

        /**
         * More columns sent as headers, column name to header name, beside the event contract's ({@code type} as
         * {@code eventType}, {@code traceparent}); a column that is null in a row gives no header.
         */
        Map<String, String> headers();

        /** Where rows that cannot be routed go, with the reason in headers. */
        @WithDefault(DeadLetterTopic.NAME)
        String deadLetterTopic();
    }

    interface Kafka {

        String bootstrapServers();

        /** How long a record may wait for Kafka's acknowledgement before the relay reports itself not ready. */
        @WithDefault("5s")
        Duration ackTimeout();

        /** First pause before the relay sends again what Kafka did not take; doubled per failure. */
        @WithDefault("100ms")
        Duration retryBackoffInitial();

        @WithDefault("10s")
        Duration retryBackoffMax();

        /** Extra producer properties; acks=all and idempotence are always on. */
        Map<String, String> producer();
    }

    /** Replicas of one relay compete for a lock in the source database; only its holder streams. */
    interface HighAvailability {

        /** How often a standby tries to take the lock, and the active replica checks that it still holds it. */
        @WithDefault("1s")
        Duration checkInterval();

        /**
         * How long the lock's session may go unchecked before PostgreSQL ends it ({@code idle_session_timeout}), and
         * a standby takes over: how long a frozen or cut-off streamer holds up the stream. Longer than
         * {@code check-interval}, and than the GC pauses the relay should ride out.
         */
        @WithDefault("10s")
        Duration lockSessionTimeout();

        /** First pause before streaming again after the engine stopped on an error; doubled while it keeps failing. */
        @WithDefault("2s")
        Duration restartDelay();
    }
}
