package dev.outboxstock.deploy.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JDBC datasource needs at run time. Quarkus declares the URL and the credentials optional (dev services fill
 * them in development), so no mapping says they are required; but a datasource whose kind the service configures
 * fails to start in a cluster without them.
 */
final class Datasources {

    private static final Pattern DB_KIND = Pattern.compile("quarkus\\.datasource\\.(?:([^.]+|\"[^\"]+\")\\.)?db-kind");

    private Datasources() {}

    static void addTo(ServiceConfiguration.Builder configuration, ApplicationProperties properties) {
        for (String name : properties.values().keySet()) {
            Matcher dbKind = DB_KIND.matcher(name);
            if (dbKind.matches()) {
                String prefix =
                        dbKind.group(1) == null ? "quarkus.datasource." : "quarkus.datasource." + dbKind.group(1) + ".";
                String reason = "the service's " + properties.values().get(name) + " datasource connects with it";
                for (String property : new String[] {"jdbc.url", "username", "password"}) {
                    if (properties.value(prefix + property).isEmpty()) {
                        configuration.require(Requirement.of(prefix + property, reason));
                    }
                }
            }
        }
    }
}
