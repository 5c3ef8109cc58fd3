package dev.outboxstock.deploy.config;

import dev.outboxstock.deploy.bytecode.JarIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.jandex.IndexView;

/**
 * Everything a packaged service reads from its configuration, and what a deployment must set, derived from the
 * service itself so that a key added to the service is covered without editing the checks: its configuration
 * mappings and those of its extensions, its {@code @ConfigProperty} injections, its {@code application.properties},
 * its messaging channels' connector attributes and Kafka client properties, and its datasources.
 */
public final class ServiceConfiguration {

    private static final Map<String, ServiceConfiguration> READ = new ConcurrentHashMap<>();

    private static final Pattern INCOMING_CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    private final String service;
    private final ApplicationProperties properties;
    private final List<ConfigKey> keys;
    private final List<Requirement> requirements;

    private ServiceConfiguration(
            String service, ApplicationProperties properties, List<ConfigKey> keys, List<Requirement> requirements) {
        this.service = service;
        this.properties = properties;
        this.keys = keys;
        this.requirements = requirements;
    }

    public static ServiceConfiguration of(String module) {
        return READ.computeIfAbsent(module, name -> read(PackagedService.of(name)));
    }

    private static ServiceConfiguration read(PackagedService service) {
        Builder configuration = new Builder();
        ApplicationProperties properties = ApplicationProperties.read(service);
        try (URLClassLoader classes = service.classLoader()) {
            properties.addTo(configuration);
            ConfigMappings.addTo(configuration, properties, service, classes);
            InjectedConfigProperties.addTo(configuration, JarIndex.of(List.of(service.applicationJar())));
            KafkaClients kafkaClients = KafkaClients.in(classes);
            kafkaClients.addDefaultKeys(configuration);
            MessagingChannels.addTo(configuration, properties, connectorLibraries(service), kafkaClients);
            Datasources.addTo(configuration, properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceConfiguration(
                service.module(), properties, List.copyOf(configuration.keys), configuration.requirements());
    }

    /** The key an environment variable sets; a run-time key wins over a build-time one of the same name. */
    public Optional<ConfigKey> keySetBy(String environmentVariable) {
        return keys.stream()
                .filter(key -> key.isSetBy(environmentVariable))
                .min(Comparator.comparing(ConfigKey::buildTime));
    }

    /** What the service uses for {@code property} when the deployment leaves it alone. */
    public Optional<String> defaultValue(String property) {
        return properties
                .value(property)
                .or(() -> keys.stream()
                        .filter(key -> key.name().equals(property))
                        .flatMap(key -> key.defaultValue().stream())
                        .findFirst());
    }

    /**
     * The topics the service consumes, by channel: the channel's {@code topics} attribute (a comma-separated list),
     * or its {@code topic} attribute, or the channel's name.
     */
    public Map<String, List<String>> incomingTopics() {
        Map<String, List<String>> topics = new TreeMap<>();
        properties.values().keySet().forEach(name -> {
            Matcher channel = INCOMING_CHANNEL.matcher(name);
            if (channel.matches()) {
                String prefix = "mp.messaging.incoming." + channel.group(1) + ".";
                topics.put(
                        channel.group(1),
                        properties
                                .value(prefix + "topics")
                                .map(list -> Arrays.stream(list.split(","))
                                        .map(String::strip)
                                        .toList())
                                .orElseGet(() -> List.of(
                                        properties.value(prefix + "topic").orElse(channel.group(1)))));
            }
        });
        return topics;
    }

    public List<Requirement> unmetBy(Collection<String> environmentVariables) {
        return requirements.stream()
                .filter(requirement -> !requirement.isMetBy(environmentVariables))
                .toList();
    }

    @Override
    public String toString() {
        return service;
    }

    /** Only the libraries that hold messaging connectors (SmallRye documents each in META-INF/connector/). */
    private static IndexView connectorLibraries(PackagedService service) {
        return JarIndex.of(service.libraries().stream()
                .filter(ServiceConfiguration::holdsConnectors)
                .toList());
    }

    private static boolean holdsConnectors(Path library) {
        try (JarFile jar = new JarFile(library.toFile())) {
            return jar.stream().anyMatch(entry -> entry.getName().startsWith("META-INF/connector/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects what the configuration sources find. */
    static final class Builder {

        private final List<ConfigKey> keys = new ArrayList<>();
        private final List<Requirement> requirements = new ArrayList<>();

        void key(ConfigKey key) {
            keys.add(key);
        }

        void require(Requirement requirement) {
            requirements.add(requirement);
        }

        /** One requirement per set of alternatives, even where several sources found it. */
        private List<Requirement> requirements() {
            Map<List<String>, Requirement> distinct = new LinkedHashMap<>();
            requirements.forEach(requirement -> distinct.putIfAbsent(requirement.properties(), requirement));
            return List.copyOf(distinct.values());
        }
    }
}
