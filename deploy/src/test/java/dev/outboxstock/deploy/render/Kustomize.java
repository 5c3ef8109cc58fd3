package dev.outboxstock.deploy.render;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs kustomize: the one kubectl embeds ({@code kubectl kustomize}), which is what {@code kubectl apply -k} uses,
 * or a standalone {@code kustomize build} where kubectl is missing ({@code .ci/run} installs one).
 */
public final class Kustomize {

    private static final long TIMEOUT_SECONDS = 60;

    private final List<String> command;

    private Kustomize(List<String> command) {
        this.command = command;
    }

    public static Kustomize fromPath() {
        return executable("kubectl")
                .map(kubectl -> new Kustomize(List.of(kubectl.toString(), "kustomize")))
                .or(() ->
                        executable("kustomize").map(kustomize -> new Kustomize(List.of(kustomize.toString(), "build"))))
                .orElseThrow(
                        () -> new IllegalStateException(
                                "Neither kubectl nor kustomize is on the PATH: install one (.ci/run does) to render the manifests"));
    }

    /** The rendered YAML of the kustomization in {@code directory}. */
    public String build(Path directory) {
        List<String> arguments = new ArrayList<>(command);
        arguments.add(directory.toString());
        try {
            Process process = new ProcessBuilder(arguments).start();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String output = read(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", arguments) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", arguments) + " failed: " + errors.join());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> executable(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
