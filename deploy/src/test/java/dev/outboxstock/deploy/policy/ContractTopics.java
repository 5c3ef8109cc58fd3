package dev.outboxstock.deploy.policy;

import dev.outboxstock.contract.StockTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The topics of the event contract: every {@code *Topic} class of the contract's package names one in its
 * {@code NAME} constant. Read from the contract itself, so a topic added there must be declared in the manifests.
 */
public final class ContractTopics {

    private static final String PACKAGE = StockTopic.class.getPackageName();

    private ContractTopics() {}

    public static List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        for (String className : classNames()) {
            if (className.startsWith(PACKAGE + ".") && className.endsWith("Topic")) {
                names.add(topicName(className));
            }
        }
        return List.copyOf(names);
    }

    private static String topicName(String className) {
        try {
            return (String) Class.forName(className).getField("NAME").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + " must name its topic in a public NAME constant", e);
        }
    }

    /** The classes of the contract, from its jar or, in an IDE, its classes folder. */
    private static List<String> classNames() {
        Path location = location();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    return files.filter(file -> file.toString().endsWith(".class"))
                            .map(file -> className(location.relativize(file).toString()))
                            .toList();
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.stream()
                        .map(JarEntry::getName)
                        .filter(name -> name.endsWith(".class"))
                        .map(ContractTopics::className)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length())
                .replace('/', '.')
                .replace('\\', '.');
    }

    private static Path location() {
        try {
            return Path.of(StockTopic.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
