package dev.outboxstock.deploy.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The overlays under {@code deploy/k8s/overlays}, each rendered once per test run. They render from a copy of the
 * manifests in which every missing {@code secrets/*.env} is filled from its {@code *.env.example}: the production
 * overlay reads credentials that are never committed, and its shape must still be checked.
 */
public final class Overlays {

    /** For {@code @MethodSource}: a parameterized test runs once per overlay, and is given it rendered. */
    public static final String EACH = "dev.outboxstock.deploy.render.Overlays#all";

    /** How a credentials example marks a value to be filled from the operator's secret store. */
    public static final Pattern PLACEHOLDER = Pattern.compile("<[^>\\n]*>");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ConcurrentMap<String, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();
    private static volatile Path workingCopy;

    private Overlays() {}

    public static List<String> names() {
        try (Stream<Path> overlays = Files.list(sourceDirectory().resolve("overlays"))) {
            return overlays.filter(Files::isDirectory)
                    .map(overlay -> overlay.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<RenderedOverlay> all() {
        return names().stream().map(Overlays::rendered).toList();
    }

    public static RenderedOverlay rendered(String name) {
        return RENDERED.computeIfAbsent(name, Overlays::render);
    }

    /** The kustomize tree in the repository, {@code deploy/k8s}. */
    public static Path sourceDirectory() {
        return Path.of(Objects.requireNonNull(System.getProperty("deploy.k8s.dir"), "system property deploy.k8s.dir"));
    }

    private static RenderedOverlay render(String name) {
        String yaml =
                Kustomize.fromPath().build(workingCopy().resolve("overlays").resolve(name));
        try {
            List<ObjectNode> objects = YAML.readerFor(ObjectNode.class)
                    .<ObjectNode>readValues(yaml)
                    .readAll();
            return new RenderedOverlay(name, List.copyOf(objects));
        } catch (IOException e) {
            throw new UncheckedIOException("overlay " + name + " rendered YAML that does not parse", e);
        }
    }

    private static synchronized Path workingCopy() {
        if (workingCopy == null) {
            Path target = Path.of(Objects.requireNonNull(System.getProperty("deploy.work.dir"), "deploy.work.dir"));
            deleteTree(target);
            copyTree(sourceDirectory(), target);
            fillSecretsFromExamples(target);
            workingCopy = target;
        }
        return workingCopy;
    }

    private static void deleteTree(Path tree) {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the manifests, but never a real credentials file ({@code *.env}). */
    private static void copyTree(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file :
                    files.filter(file -> !file.toString().endsWith(".env")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes each {@code *.env} its example describes, with a throwaway random value wherever the example holds a
     * placeholder ({@code password=<from your secret store>}): rendered as an operator would, with real-looking
     * secrets.
     */
    private static void fillSecretsFromExamples(Path tree) {
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path example : files.filter(file -> file.toString().endsWith(".env.example"))
                    .toList()) {
                Path secret =
                        example.resolveSibling(example.getFileName().toString().replace(".env.example", ".env"));
                String throwaway = PLACEHOLDER
                        .matcher(Files.readString(example))
                        .replaceAll(placeholder -> UUID.randomUUID().toString());
                Files.writeString(secret, throwaway);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
