package dev.outboxstock.relay.engine;

import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.relay.config.RelayConfig;
import java.util.Properties;

/** Translates the relay's configuration into the properties of an embedded Debezium PostgreSQL engine. */
public final class DebeziumProperties {

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
        properties.setProperty("table.include.list", source.table());
        // On a first start, rows already in the outbox table are relayed too; later starts resume from the offset.
        properties.setProperty("snapshot.mode", "initial");
        properties.setProperty("tombstones.on.delete", "false");
        properties.setProperty(
                "poll.interval.ms", String.valueOf(config.pollInterval().toMillis()));

        // Offsets live in the source database: the relay keeps no local state.
        properties.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
        properties.setProperty("offset.storage.jdbc.connection.url", jdbcUrl(source));
        properties.setProperty("offset.storage.jdbc.connection.user", source.user());
        properties.setProperty("offset.storage.jdbc.connection.password", source.password());
        properties.setProperty("offset.storage.jdbc.table.name", source.offsetTable());
        // Commit the position after every batch: a restart re-sends at most one batch.
        properties.setProperty("offset.flush.interval.ms", "0");
        properties.setProperty("record.processing.order", "ORDERED");

        properties.setProperty("transforms", "outbox");
        properties.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        properties.setProperty(
                "transforms.outbox.route.topic.replacement",
                "${routedByValue}" + config.routing().topicSuffix());
        properties.setProperty(
                "transforms.outbox.table.fields.additional.placement", "type:header:" + EventHeaders.EVENT_TYPE);

        config.debezium().forEach(properties::setProperty);
        return properties;
    }

    static String jdbcUrl(RelayConfig.Source source) {
        return "jdbc:postgresql://" + source.host() + ":" + source.port() + "/" + source.database();
    }
}
