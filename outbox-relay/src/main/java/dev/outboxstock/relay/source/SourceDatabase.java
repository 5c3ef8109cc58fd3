package dev.outboxstock.relay.source;

import dev.outboxstock.relay.config.RelayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Plain JDBC connections to the source database, for the relay's own queries beside Debezium's. */
@ApplicationScoped
public class SourceDatabase {

    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    private final RelayConfig.Source source;
    private final String relayName;

    public SourceDatabase(RelayConfig config) {
        this.source = config.source();
        this.relayName = config.name();
    }

    public static String jdbcUrl(RelayConfig.Source source) {
        return "jdbc:postgresql://" + source.host() + ":" + source.port() + "/" + source.database();
    }

    /** A new connection; {@code purpose} shows in {@code pg_stat_activity.application_name}. */
    public Connection connect(String purpose) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", source.user());
        properties.setProperty("password", source.password());
        properties.setProperty("ApplicationName", relayName + " " + purpose);
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(jdbcUrl(source), properties);
    }

    public RelayConfig.Source source() {
        return source;
    }
}
