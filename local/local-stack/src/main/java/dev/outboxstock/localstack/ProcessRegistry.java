package dev.outboxstock.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Pid files of the processes a local stack owns (its own JVM included), kept in the stack's work directory.
 * A pid file holds the process's start instant too, so a recycled pid is never mistaken for ours.
 */
public final class ProcessRegistry {

    private static final Logger LOG = Logger.getLogger(ProcessRegistry.class);

    static final String OWNER = "owner";
    private static final String SUFFIX = ".pid";

    private final Path directory;

    ProcessRegistry(Path workDir) {
        this.directory = workDir.resolve("pids");
    }

    /** Records a process so that a later run can kill it if the JVM that owns it dies without cleaning up. */
    public void record(String name, ProcessHandle process) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name + SUFFIX), process.pid() + " " + startOf(process));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record pid of " + name, e);
        }
    }

    boolean isOwnerAlive() {
        return find(directory.resolve(OWNER + SUFFIX)).isPresent();
    }

    /** Kills every recorded process that still runs, except the owner. */
    void killAll() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> !file.getFileName().toString().equals(OWNER + SUFFIX))
                    .map(ProcessRegistry::find)
                    .flatMap(Optional::stream)
                    .forEach(process -> {
                        LOG.infof("Killing left-over process %d", process.pid());
                        process.destroyForcibly();
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<ProcessHandle> find(Path pidFile) {
        try {
            String[] fields = Files.readString(pidFile).strip().split(" ");
            return ProcessHandle.of(Long.parseLong(fields[0]))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> startOf(process).equals(fields[1]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("unknown");
    }
}
