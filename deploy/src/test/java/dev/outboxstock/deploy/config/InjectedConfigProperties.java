package dev.outboxstock.deploy.config;

import java.util.List;
import java.util.Optional;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Type;

/** The service's {@code @ConfigProperty} injection points: properties read one by one rather than through a mapping. */
final class InjectedConfigProperties {

    private static final DotName CONFIG_PROPERTY =
            DotName.createSimple("org.eclipse.microprofile.config.inject.ConfigProperty");
    /** What {@code @ConfigProperty(defaultValue)} holds when no default was given. */
    private static final String NO_DEFAULT = "org.eclipse.microprofile.config.configproperty.unconfigureddvalue";

    private static final List<String> OPTIONAL_TYPES = List.of(
            "java.util.Optional", "java.util.OptionalInt", "java.util.OptionalLong", "java.util.OptionalDouble");

    private InjectedConfigProperties() {}

    static void addTo(ServiceConfiguration.Builder configuration, IndexView applicationClasses) {
        for (AnnotationInstance injection : applicationClasses.getAnnotations(CONFIG_PROPERTY)) {
            String name = Optional.ofNullable(injection.value("name"))
                    .map(AnnotationValue::asString)
                    .orElseGet(() -> defaultName(injection.target()));
            Optional<String> defaultValue = Optional.ofNullable(injection.value("defaultValue"))
                    .map(AnnotationValue::asString)
                    .filter(value -> !value.equals(NO_DEFAULT));
            String source = "@ConfigProperty at " + injection.target();
            configuration.key(new ConfigKey(name, defaultValue, false, source));
            if (defaultValue.isEmpty() && !isOptional(injection.target())) {
                configuration.require(Requirement.of(name, source + " has no default for it"));
            } else if (defaultValue.filter(Localhost::isIn).isPresent()) {
                configuration.require(Requirement.of(name, source + " defaults it to " + defaultValue.get()));
            }
        }
    }

    /** MicroProfile Config's name for an unnamed injected field: {@code <declaring class>.<field>}. */
    private static String defaultName(AnnotationTarget target) {
        if (target.kind() != AnnotationTarget.Kind.FIELD) {
            throw new IllegalStateException("@ConfigProperty without a name at " + target + ": name it explicitly");
        }
        return target.asField().declaringClass().name() + "." + target.asField().name();
    }

    private static boolean isOptional(AnnotationTarget target) {
        Type type = switch (target.kind()) {
            case FIELD -> target.asField().type();
            case METHOD_PARAMETER -> target.asMethodParameter().type();
            default -> null;
        };
        return type != null && OPTIONAL_TYPES.contains(type.name().toString());
    }
}
