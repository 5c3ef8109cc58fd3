package dev.outboxstock.deploy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappingInterface.Property;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * The configuration mappings ({@code @ConfigMapping} interfaces) of a packaged service: the service's own (the relay's
 * {@code RelayConfig}) and every extension's configuration roots. Quarkus generates an implementation
 * ({@code <Interface>$$CMImpl}) of each mapping it registers into the generated classes, so that list is exactly
 * what the service reads; SmallRye Config then names each interface's properties as it resolves them.
 */
final class ConfigMappings {

    private static final String IMPLEMENTATION_SUFFIX = "$$CMImpl";
    private static final String CONFIG_ROOT = "io.quarkus.runtime.annotations.ConfigRoot";

    private ConfigMappings() {}

    static void addTo(
            ServiceConfiguration.Builder configuration,
            ApplicationProperties properties,
            PackagedService service,
            ClassLoader classes) {
        Set<String> ownClasses = classNames(service.applicationJar());
        for (String name : classNames(service.generatedClasses())) {
            if (name.endsWith(IMPLEMENTATION_SUFFIX)) {
                Class<?> mapping = load(classes, name.substring(0, name.length() - IMPLEMENTATION_SUFFIX.length()));
                // Nested groups have implementations too; only the roots carry @ConfigMapping.
                if (mapping.isAnnotationPresent(ConfigMapping.class)) {
                    addMapping(configuration, properties, mapping, ownClasses.contains(mapping.getName()));
                }
            }
        }
    }

    private static void addMapping(
            ServiceConfiguration.Builder configuration,
            ApplicationProperties configured,
            Class<?> mapping,
            boolean own) {
        String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
        boolean buildTime = isBuildTime(mapping);
        Map<String, Property> properties = io.smallrye.config.ConfigMappings.getProperties(
                io.smallrye.config.ConfigMappings.ConfigClass.configClass(mapping, prefix));
        String source = mapping.getName();
        properties.forEach((name, property) -> {
            Optional<String> defaultValue =
                    property.hasDefaultValue() ? Optional.ofNullable(property.getDefaultValue()) : Optional.empty();
            configuration.key(new ConfigKey(name, defaultValue, buildTime, source));
            // Extensions give every property a default or make it optional: only the service's own mappings can
            // demand a value, or default to an address that is wrong in a pod.
            if (own && !buildTime && configured.value(name).isEmpty()) {
                if (isMandatory(property)) {
                    configuration.require(Requirement.of(name, source + " has no default for it"));
                } else if (defaultValue.filter(Localhost::isIn).isPresent()) {
                    configuration.require(Requirement.of(name, source + " defaults it to " + defaultValue.get()));
                }
            }
        });
    }

    private static boolean isMandatory(Property property) {
        return property.isLeaf() && !property.isOptional() && !property.hasDefaultValue();
    }

    /** Quarkus's configuration roots say when they are read; build-time roots are fixed in the packaged application. */
    private static boolean isBuildTime(Class<?> mapping) {
        for (Annotation annotation : mapping.getAnnotations()) {
            if (annotation.annotationType().getName().equals(CONFIG_ROOT)) {
                try {
                    Object phase =
                            annotation.annotationType().getMethod("phase").invoke(annotation);
                    return !((Enum<?>) phase).name().equals("RUN_TIME");
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return false;
    }

    private static Class<?> load(ClassLoader classes, String name) {
        try {
            return Class.forName(name, false, classes);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Quarkus generated an implementation of " + name + ", which is missing", e);
        }
    }

    private static Set<String> classNames(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream()
                    .map(JarEntry::getName)
                    .filter(entry -> entry.endsWith(".class"))
                    .map(entry -> entry.substring(0, entry.length() - ".class".length())
                            .replace('/', '.'))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
