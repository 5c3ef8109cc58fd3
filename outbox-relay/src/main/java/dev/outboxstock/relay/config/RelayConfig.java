package dev.outboxstock.relay.config;

import dev.outboxstock.contract.OutboxRouting;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

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

    /** How often the engine polls the connector's queue when it is empty: the floor of the relay's latency. */
    @WithDefault("20ms")
    Duration pollInterval();

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

    /** Where each outbox row goes: topic {@code <aggregatetype><topic-suffix>}, key {@code aggregateid}. */
    interface Routing {

        @WithDefault(OutboxRouting.TOPIC_SUFFIX)
        String topicSuffix();
    }

    interface Kafka {

        String bootstrapServers();

        /** Extra producer properties; acks=all and idempotence are always on. */
        Map<String, String> producer();
    }
}
