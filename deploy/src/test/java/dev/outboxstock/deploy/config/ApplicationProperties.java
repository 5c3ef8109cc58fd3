package dev.outboxstock.deploy.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code application.properties} as the production profile sees it: profile-specific lines
 * ({@code %test.…}) are left out, because a deployment runs the default profile.
 */
record ApplicationProperties(Map<String, String> values) {

    /** {@code ${name}} or {@code ${name:default}} inside a value. */
    /** How Quarkus names the project's own libraries in {@code lib/main}: by group id first. */
    private static final String PROJECT_LIBRARY = "dev.outboxstock.";

    /** Properties Quarkus itself gives every run a value: an expression may refer to them without a default. */
    private static final Set<String> PROVIDED_BY_QUARKUS = Set.of("quarkus.uuid");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    /**
     * The service's {@code application.properties}, over the {@code META-INF/microprofile-config.properties} of the
     * project's own libraries (rest-problem's authentication settings, shared by the three APIs): both are
     * configuration sources of the service, the first one winning.
     */
    static ApplicationProperties read(PackagedService service) {
        Properties properties = new Properties();
        service.libraries().stream()
                .filter(library -> library.getFileName().toString().startsWith(PROJECT_LIBRARY))
                .forEach(library -> load(library, "META-INF/microprofile-config.properties", properties));
        load(service.applicationJar(), "application.properties", properties);
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream()
                .filter(name -> !name.startsWith("%"))
                .sorted()
                .forEach(name -> values.put(name, properties.getProperty(name)));
        return new ApplicationProperties(values);
    }

    private static void load(Path jarFile, String resource, Properties into) {
        try (JarFile jar = new JarFile(jarFile.toFile())) {
            var entry = jar.getJarEntry(resource);
            if (entry != null) {
                try (InputStream in = jar.getInputStream(entry)) {
                    into.load(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Every property this file sets is a key the service reads. */
    void addTo(ServiceConfiguration.Builder configuration) {
        values.forEach((name, value) -> {
            configuration.key(new ConfigKey(name, Optional.of(value), false, "application.properties"));
            Matcher expression = EXPRESSION.matcher(value);
            while (expression.find()) {
                addExpression(configuration, name, expression.group(1), Optional.ofNullable(expression.group(2)));
            }
        });
    }

    /**
     * A value that refers to another property reads that property too. Without a default, or with a default that
     * points at this machine, the deployment must set it, or override the property that refers to it.
     */
    private static void addExpression(
            ServiceConfiguration.Builder configuration, String property, String reference, Optional<String> fallback) {
        configuration.key(new ConfigKey(reference, fallback, false, "application.properties: " + property));
        if (PROVIDED_BY_QUARKUS.contains(reference)) {
            return;
        }
        if (fallback.isEmpty()) {
            configuration.require(new Requirement(
                    List.of(reference, property), "application.properties: " + property + " has no default"));
        } else if (Localhost.isIn(fallback.get())) {
            configuration.require(new Requirement(
                    List.of(reference, property),
                    "application.properties: " + property + " falls back to " + fallback.get()));
        }
    }
}
