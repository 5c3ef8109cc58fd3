package dev.outboxstock.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One Quarkus service as its own JVM, started from its packaged application and configured only through environment
 * variables, as a deployment would run it. Ready when its readiness endpoint says so.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServiceProcess.class);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LocalStack stack;
    private final String name;
    private final ProcessBuilder builder;
    private final URI baseUri;
    private final Path logFile;
    private volatile Process process;

    private ServiceProcess(LocalStack stack, String name, ProcessBuilder builder, URI baseUri, Path logFile) {
        this.stack = stack;
        this.name = name;
        this.builder = builder;
        this.baseUri = baseUri;
        this.logFile = logFile;
    }

    /** Starts the application and waits until it is ready; see {@link #launch}. */
    public static ServiceProcess start(
            LocalStack stack, String name, Path application, Map<String, String> environment, int port, Path logDir) {
        ServiceProcess service = launch(stack, name, application, environment, port, logDir);
        service.awaitReady();
        return service;
    }

    /**
     * Starts the application, attached to the stack so that it stops first and is never left running, and waits
     * until it is alive (it may not be ready yet, for example while a service it needs is missing).
     */
    public static ServiceProcess launch(
            LocalStack stack, String name, Path application, Map<String, String> environment, int port, Path logDir) {
        if (!Files.isRegularFile(application)) {
            throw new IllegalStateException(application + " is missing: package the services first (./mvnw install)");
        }
        Path logFile = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-jar",
                        application.toString()))
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + logDir, e);
        }
        ServiceProcess service =
                new ServiceProcess(stack, name, builder, URI.create("http://127.0.0.1:" + port), logFile);
        stack.attach(service);
        service.spawn();
        return service;
    }

    /**
     * Starts the service again, with the same configuration and port, after it was killed or stopped (a crashed
     * pod's replacement); its log continues in the same file. Waits until it is ready.
     */
    public void restart() {
        if (process.isAlive()) {
            kill();
        }
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        spawn();
        awaitReady();
    }

    private void spawn() {
        long started = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        stack.processes().record(name, process.toHandle());
        awaitHealth("/q/health/live");
        LOG.infof("%s up at %s in %d ms (log: %s)", name, baseUri, (System.nanoTime() - started) / 1_000_000, logFile);
    }

    public String name() {
        return name;
    }

    public URI baseUri() {
        return baseUri;
    }

    public Path logFile() {
        return logFile;
    }

    /** The service's process, for example to measure its memory. */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the service at once (SIGKILL, as {@code kill -9}): no shutdown hook runs, nothing is flushed. */
    public void kill() {
        ProcessTerminator.kill(process);
        LOG.infof("%s killed", name);
    }

    /** Freezes the service (SIGSTOP), as a long GC pause or a stalled host would: it keeps its connections. */
    public void pause() {
        Command.run(List.of("kill", "-STOP", String.valueOf(process.pid())));
    }

    /** Lets a paused service run on (SIGCONT). */
    public void resume() {
        Command.run(List.of("kill", "-CONT", String.valueOf(process.pid())));
    }

    /** Asks the service to shut down gracefully (SIGTERM) and waits for it; kills it if it does not stop. */
    @Override
    public void close() {
        ProcessTerminator.terminate(process, name, STOP_TIMEOUT);
    }

    /** Waits until the service says it is ready to work. */
    public void awaitReady() {
        awaitHealth("/q/health/ready");
    }

    private void awaitHealth(String path) {
        HttpRequest readiness = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Keep waiting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException(
                name + " not healthy (" + path + ") within " + READY_TIMEOUT + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
