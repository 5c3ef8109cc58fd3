package dev.outboxstock.deploy.bytecode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;

/** A Jandex index of the classes in some jars: annotations read from bytecode, without loading a class. */
public final class JarIndex {

    private JarIndex() {}

    public static Index of(Collection<Path> jars) {
        Indexer indexer = new Indexer();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (JarEntry entry : file.stream()
                        .filter(entry -> entry.getName().endsWith(".class"))
                        .toList()) {
                    try (InputStream bytes = file.getInputStream(entry)) {
                        indexer.index(bytes);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return indexer.complete();
    }
}
