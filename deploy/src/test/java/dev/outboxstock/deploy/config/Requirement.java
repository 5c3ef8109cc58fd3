package dev.outboxstock.deploy.config;

import java.util.Collection;
import java.util.List;

/**
 * Something a deployment must set for the service to work: at least one of {@code properties}.
 *
 * @param properties alternatives: setting any one of them is enough
 * @param reason why it must be set, for messages
 */
public record Requirement(List<String> properties, String reason) {

    public static Requirement of(String property, String reason) {
        return new Requirement(List.of(property), reason);
    }

    public boolean isMetBy(Collection<String> environmentVariables) {
        return properties.stream()
                .anyMatch(property ->
                        environmentVariables.stream().anyMatch(variable -> ConfigKey.sets(variable, property)));
    }

    @Override
    public String toString() {
        return String.join(
                        " or ",
                        properties.stream().map(ConfigKey::environmentName).toList()) + " (" + reason + ")";
    }
}
