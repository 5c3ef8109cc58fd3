package dev.outboxstock.relay.engine;

import dev.outboxstock.contract.RoutingRules;
import dev.outboxstock.relay.config.RelayConfig;
import dev.outboxstock.relay.route.ConfiguredRules;
import dev.outboxstock.relay.source.SourceDatabase;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Translates the relay's configuration into the properties of an embedded Debezium PostgreSQL engine. */
public final class DebeziumProperties {

    /** Prefix of the logical decoding messages the heartbeat writes; Debezium emits no record for them. */
    static final String HEARTBEAT_MESSAGE_PREFIX = "outbox-relay-heartbeat";

    /**
     * What the relay's guarantees rest on, refused in {@code relay.debezium.*} (as is every {@code offset.storage}
     * key): where the position is kept, in which order records are handed over, what is streamed and from where.
     */
    public static final Set<String> GUARANTEED = Set.of(
            "connector.class",
            "snapshot.mode",
            "record.processing.order",
            "errors.max.retries",
            "slot.name",
            "publication.name",
            "table.include.list");

    public static final String OFFSET_STORAGE_PREFIX = "offset.storage";

    private DebeziumProperties() {}

    public static Properties from(RelayConfig config) {
        RelayConfig.Source source = config.source();
        Properties properties = new Properties();
        properties.setProperty("name", config.name());
        properties.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        properties.setProperty("topic.prefix", config.name());

        properties.setProperty("database.hostname", source.host());
        properties.setProperty("database.port", String.valueOf(source.port()));
        properties.setProperty("database.dbname", source.database());
        properties.setProperty("database.user", source.user());
        properties.setProperty("database.password", source.password());
        properties.setProperty("plugin.name", "pgoutput");
        properties.setProperty("slot.name", source.slot());
        properties.setProperty("publication.name", source.publication());
        // The publication belongs to the schema migrations; the relay's role need not own the table.
        properties.setProperty("publication.autocreate.mode", "disabled");
        // The slot takes one reader at a time. On a restart or a takeover it is briefly still held: by the dead
        // replica's backend, or by the connector's own first stream, which it opens to find its resume position
        // and closes again. Debezium's default 10 s between tries made a takeover take 13 s instead of 1 to 2 s;
        // tries every 500 ms, for up to 60 s (wal_sender_timeout, when a backend notices its reader is gone).
        properties.setProperty("slot.retry.delay.ms", "500");
        properties.setProperty("slot.max.retries", "120");
        properties.setProperty("table.include.list", source.table());
        // Only the columns the relay routes by or sends are decoded: less work per row, and nothing else of the
        // row leaves the database.
        properties.setProperty(
                "column.include.list", columnIncludeList(source.table(), ConfiguredRules.of(config.routing())));
        // Streams from the slot only: the services write no event before the slot exists to keep it, and after a
        // lost slot, rows are published again from a point in time rather than the whole table.
        properties.setProperty("snapshot.mode", "no_data");
        properties.setProperty("tombstones.on.delete", "false");
        properties.setProperty(
                "poll.interval.ms", String.valueOf(config.pollInterval().toMillis()));
        // Each batch costs a wait for Kafka's acks and an offset write: big batches when there is a backlog.
        properties.setProperty("max.batch.size", "8192");
        properties.setProperty("max.queue.size", "32768");

        // Offsets live in the source database: the relay keeps no local state.
        properties.setProperty(OFFSET_STORAGE_PREFIX, "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
        properties.setProperty("offset.storage.jdbc.connection.url", SourceDatabase.jdbcUrl(source));
        properties.setProperty("offset.storage.jdbc.connection.user", source.user());
        properties.setProperty("offset.storage.jdbc.connection.password", source.password());
        properties.setProperty("offset.storage.jdbc.table.name", source.offsetTable());
        // When the database goes away, storing the position is tried briefly: the engine holds its replication
        // connection until it gives up, and PostgreSQL's shutdown waits for that connection. A position not stored
        // costs duplicates after a crash, never a loss.
        properties.setProperty("offset.storage.jdbc.connection.retry.max.attempts", "2");
        properties.setProperty("offset.storage.jdbc.connection.wait.retry.delay.ms", "500");
        // The position of acknowledged records only; how often it is written bounds what a crash re-sends.
        properties.setProperty(
                "offset.flush.interval.ms",
                String.valueOf(config.offsetFlushInterval().toMillis()));
        properties.setProperty("record.processing.order", "ORDERED");

        // The slot confirms only positions of records the relay processed. With an idle outbox no record arrives,
        // while other tables still fill the WAL: a heartbeat writes a message into the WAL (no table, no write
        // privilege needed), and the heartbeat record carrying its position is marked processed like any other.
        properties.setProperty(
                "heartbeat.interval.ms",
                String.valueOf(config.heartbeatInterval().toMillis()));
        properties.setProperty(
                "heartbeat.action.query",
                "SELECT pg_logical_emit_message(false, '" + HEARTBEAT_MESSAGE_PREFIX + "', '')");
        properties.setProperty("message.prefix.exclude.list", HEARTBEAT_MESSAGE_PREFIX);

        // An engine failure ends the term: the supervisor starts the next one after checking the slot, rather than
        // Debezium retrying inside (where a lost slot would keep it waiting for half an hour).
        properties.setProperty("errors.max.retries", "0");

        config.debezium().forEach(properties::setProperty);
        return properties;
    }

    private static String columnIncludeList(String table, RoutingRules rules) {
        Set<String> columns = new LinkedHashSet<>(List.of(rules.idColumn(), rules.keyColumn(), rules.payloadColumn()));
        if (rules.topic().isEmpty()) {
            columns.add(rules.topicColumn());
        }
        columns.addAll(rules.headers().keySet());
        return columns.stream()
                .map(column -> Pattern.quote(table + "." + column))
                .collect(Collectors.joining(","));
    }
}
