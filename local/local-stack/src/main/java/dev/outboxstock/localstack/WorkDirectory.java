package dev.outboxstock.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The per-run directory under the system temp directory that holds a stack's data, logs and pid files. Not
 * under the checkout: PostgreSQL, run as its own OS user, must be able to traverse every parent directory.
 */
final class WorkDirectory {

    static final String PREFIX = "outbox-stock-";

    private WorkDirectory() {}

    static Path parent() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    static Path create() {
        try {
            return Files.createTempDirectory(parent(), PREFIX);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a work directory", e);
        }
    }

    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }
}
