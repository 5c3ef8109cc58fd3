package dev.outboxstock.deploy.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One service as its image ships it: the Quarkus fast-jar under {@code <module>/target/quarkus-app}, which each
 * Dockerfile.jvm copies. Its configuration is read from there, so the checks see exactly what will run; a check that
 * uses it is therefore an {@code *IT}, run after the services are packaged ({@code verify}), not by the fast loop.
 */
public record PackagedService(String module, Path application) {

    public static PackagedService of(String module) {
        Path root = Path.of(Objects.requireNonNull(System.getProperty("outbox-stock.root"), "outbox-stock.root"));
        Path application = root.resolve(module).resolve("target/quarkus-app");
        if (!Files.isRegularFile(application.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(module + " is not packaged at " + application
                    + ": build it first (./mvnw -B -pl deploy -am verify builds it)");
        }
        return new PackagedService(module, application);
    }

    /** The service's own classes and resources ({@code app/}). */
    public Path applicationJar() {
        return jars(application.resolve("app")).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no application jar in " + application));
    }

    /** The libraries the service runs with: those of the boot class path ({@code lib/boot/}) and the rest. */
    public List<Path> libraries() {
        return Stream.concat(
                        jars(application.resolve("lib/boot")).stream(), jars(application.resolve("lib/main")).stream())
                .toList();
    }

    /** The classes Quarkus generated at build time, among them an implementation of every configuration mapping. */
    public Path generatedClasses() {
        return application.resolve("quarkus/generated-bytecode.jar");
    }

    /** A class loader over the whole application, sharing only the configuration API with the checks. */
    public URLClassLoader classLoader() {
        Stream<Path> all = Stream.concat(Stream.of(applicationJar(), generatedClasses()), libraries().stream());
        return new URLClassLoader(
                module,
                all.map(PackagedService::url).toArray(URL[]::new),
                new ConfigurationApiClassLoader(PackagedService.class.getClassLoader()));
    }

    private static List<Path> jars(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
