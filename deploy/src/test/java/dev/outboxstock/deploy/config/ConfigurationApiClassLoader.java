package dev.outboxstock.deploy.config;

import java.util.List;

/**
 * The parent of a service's class loader: it lends the service only the configuration API that the checks call
 * (SmallRye Config, MicroProfile Config and what they are built on), from this test's class path, so that the
 * service's classes and the checks agree on those types. Everything else the service must find in its own jars, as
 * in its image: nothing else on the test class path leaks into what the service seems to contain.
 */
final class ConfigurationApiClassLoader extends ClassLoader {

    private static final List<String> SHARED_PACKAGES =
            List.of("io.smallrye.config.", "org.eclipse.microprofile.config.", "io.smallrye.common.");

    private final ClassLoader checks;

    ConfigurationApiClassLoader(ClassLoader checks) {
        super("configuration-api", ClassLoader.getPlatformClassLoader());
        this.checks = checks;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (SHARED_PACKAGES.stream().anyMatch(name::startsWith)) {
            return checks.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
