package dev.outboxstock.deploy.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One configuration property a service reads. A name may hold {@code *} where a map key goes
 * ({@code quarkus.datasource.*.jdbc.url}).
 *
 * @param name the property name
 * @param defaultValue what the service uses when nothing sets it
 * @param buildTime fixed when the application is built: setting it at run time changes nothing
 * @param source where the key was found, for messages
 */
public record ConfigKey(String name, Optional<String> defaultValue, boolean buildTime, String source) {

    /**
     * Whether an environment variable sets this property. SmallRye Config maps a property to the environment by
     * replacing every character that is not a letter or digit with {@code _} and upper-casing the rest.
     */
    public boolean isSetBy(String environmentVariable) {
        return sets(environmentVariable, name);
    }

    /** Whether {@code environmentVariable} sets the property (or property pattern) {@code propertyName}. */
    public static boolean sets(String environmentVariable, String propertyName) {
        // A map key may itself hold dots or quotes, so it matches any run of name characters.
        String regex = Stream.of(propertyName.split("\\*", -1))
                .map(part -> Pattern.quote(environmentName(part)))
                .collect(Collectors.joining("[A-Z0-9_]+"));
        return Pattern.matches(regex, environmentVariable);
    }

    public static String environmentName(String propertyName) {
        return propertyName.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
