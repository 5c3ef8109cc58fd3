package dev.outboxstock.deploy.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * The keys of the service's messaging channels ({@code mp.messaging.incoming.<channel>.*}): each connector declares
 * its attributes with {@code @ConnectorAttribute} (some with a global alias, such as {@code kafka.bootstrap.servers}),
 * and passes any other channel attribute on to its client.
 */
final class MessagingChannels {

    private static final Pattern CHANNEL_CONNECTOR =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+|\"[^\"]+\")\\.connector");
    private static final DotName CONNECTOR =
            DotName.createSimple("org.eclipse.microprofile.reactive.messaging.spi.Connector");
    private static final DotName ATTRIBUTE =
            DotName.createSimple("io.smallrye.reactive.messaging.annotations.ConnectorAttribute");
    private static final DotName ATTRIBUTES =
            DotName.createSimple("io.smallrye.reactive.messaging.annotations.ConnectorAttributes");
    /** What {@code @ConnectorAttribute(defaultValue)} holds when no default was given. */
    private static final String NO_VALUE = "<no-value>";

    private MessagingChannels() {}

    static void addTo(
            ServiceConfiguration.Builder configuration,
            ApplicationProperties properties,
            IndexView libraries,
            KafkaClients kafkaClients) {
        properties.values().forEach((name, connectorName) -> {
            Matcher channel = CHANNEL_CONNECTOR.matcher(name);
            if (channel.matches()) {
                String direction = channel.group(1);
                String prefix = "mp.messaging." + direction + "." + channel.group(2) + ".";
                ClassInfo connector = connector(libraries, connectorName);
                for (AnnotationInstance attribute : attributes(connector)) {
                    if (appliesTo(attribute, direction)) {
                        addAttribute(configuration, properties, prefix, attribute, connector);
                    }
                }
                kafkaClients.addChannelKeys(configuration, connectorName, prefix);
            }
        });
    }

    private static void addAttribute(
            ServiceConfiguration.Builder configuration,
            ApplicationProperties properties,
            String prefix,
            AnnotationInstance attribute,
            ClassInfo connector) {
        String key = prefix + attribute.value("name").asString();
        Optional<String> alias = string(attribute, "alias");
        Optional<String> defaultValue = string(attribute, "defaultValue").filter(value -> !value.equals(NO_VALUE));
        String source =
                connector.name() + " attribute " + attribute.value("name").asString();
        configuration.key(new ConfigKey(key, defaultValue, false, source));
        alias.ifPresent(name -> configuration.key(new ConfigKey(name, defaultValue, false, source)));
        List<String> alternatives = alias.map(name -> List.of(key, name)).orElse(List.of(key));
        boolean configured =
                alternatives.stream().anyMatch(name -> properties.value(name).isPresent());
        boolean mandatory = Optional.ofNullable(attribute.value("mandatory"))
                .map(AnnotationValue::asBoolean)
                .orElse(false);
        if (!configured && mandatory) {
            configuration.require(new Requirement(alternatives, source + " is mandatory"));
        } else if (!configured && defaultValue.filter(Localhost::isIn).isPresent()) {
            configuration.require(new Requirement(alternatives, source + " defaults to " + defaultValue.get()));
        }
    }

    /** The connector's attributes: one is a plain annotation, several sit in their repeatable container. */
    private static List<AnnotationInstance> attributes(ClassInfo connector) {
        List<AnnotationInstance> single = Optional.ofNullable(connector.declaredAnnotation(ATTRIBUTE))
                .map(List::of)
                .orElse(List.of());
        List<AnnotationInstance> repeated = Optional.ofNullable(connector.declaredAnnotation(ATTRIBUTES))
                .map(container -> List.of(container.value().asNestedArray()))
                .orElse(List.of());
        return Stream.concat(single.stream(), repeated.stream()).toList();
    }

    private static boolean appliesTo(AnnotationInstance attribute, String direction) {
        String declared = attribute.value("direction").asEnum();
        return declared.equals("INCOMING_AND_OUTGOING") || declared.equalsIgnoreCase(direction);
    }

    private static ClassInfo connector(IndexView libraries, String name) {
        return libraries.getAnnotations(CONNECTOR).stream()
                .filter(connector -> connector.target().kind() == AnnotationTarget.Kind.CLASS)
                .filter(connector -> connector.value().asString().equals(name))
                .map(connector -> connector.target().asClass())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No connector named " + name + " in the service"));
    }

    private static Optional<String> string(AnnotationInstance annotation, String member) {
        return Optional.ofNullable(annotation.value(member))
                .map(AnnotationValue::asString)
                .filter(value -> !value.isEmpty());
    }
}
