package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.deploy.config.ConfigKey;
import dev.outboxstock.deploy.config.ServiceConfiguration;
import dev.outboxstock.deploy.docs.Documentation;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The documentation (README.md and docs/) names only settings the services have: every environment variable and
 * configuration key it mentions is a run-time key of at least one packaged service, so a renamed or removed setting
 * cannot linger in the docs.
 */
class DocumentedSettingsIT {

    private static final List<String> SERVICES = List.of("order-service", "inventory-service", "outbox-relay");

    /** A service's variable: the prefixes of the services' own settings and of Quarkus, Kafka and messaging. */
    private static final Pattern VARIABLE =
            Pattern.compile("\\b(?:QUARKUS|KAFKA|RELAY|OUTBOX|INBOX|ORDERS|MP_MESSAGING)_[A-Z0-9_]*[A-Z0-9]\\b");

    /** A configuration key in backticks: {@code `relay.stop-timeout`}, not a pattern with a placeholder in it. */
    private static final Pattern KEY =
            Pattern.compile("`((?:relay|outbox|inbox|orders|quarkus)\\.[a-z0-9.\\-]*[a-z0-9])`");

    @Test
    void everySettingTheDocumentationNamesIsOneAServiceHas() {
        Documentation documentation = Documentation.ofThisCheckout();
        String text = documentation.pages().stream()
                .filter(page -> !page.startsWith(Path.of("docs", "benchmark")))
                .map(documentation::text)
                .collect(Collectors.joining("\n"));
        List<ServiceConfiguration> services =
                SERVICES.stream().map(ServiceConfiguration::of).toList();
        Set<String> named = new TreeSet<>();
        VARIABLE.matcher(text).results().map(match -> match.group()).forEach(named::add);
        Matcher keys = KEY.matcher(text);
        while (keys.find()) {
            named.add(ConfigKey.environmentName(keys.group(1)));
        }

        assertThat(named).isNotEmpty();
        assertThat(named)
                .as("settings the documentation names that no service has")
                .allMatch(variable -> services.stream()
                        .anyMatch(service -> service.keySetBy(variable).isPresent()));
    }
}
