package dev.outboxstock.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Kafka's own main classes, each run in a JVM of its own on the broker's classpath (the {@code kafka-broker} module's
 * resource), so the broker keeps the dependency versions it was released with.
 */
final class KafkaJvm {

    private static final String CLASSPATH_RESOURCE = "/kafka-broker.classpath";

    /**
     * Enough heap for a test's or a demo's traffic; such a node is about 460 MB resident, so three nodes and the
     * services still fit a small machine.
     */
    private static final String SERVER_HEAP = "-Xmx512m";

    /**
     * A tool runs for a second or two: compiling its hot code fully costs more than it saves. Measured on 2 cores,
     * three storage formats at once took 1.6 to 2.3 s with the quick compiler only, 3.5 to 3.9 s without.
     */
    private static final String TOOL_JIT = "-XX:TieredStopAtLevel=1";

    private KafkaJvm() {}

    /** A server ({@code kafka.Kafka}) for the given {@code server.properties}; the caller decides where its output goes. */
    static ProcessBuilder server(Path config) {
        return new ProcessBuilder(command(List.of(SERVER_HEAP), "kafka.Kafka", config.toString()));
    }

    /** Runs one of Kafka's command-line tools to completion and returns its output; fails if the tool fails. */
    static String runTool(String mainClass, String... arguments) {
        return Command.run(command(List.of(TOOL_JIT), mainClass, arguments));
    }

    private static List<String> command(List<String> jvmOptions, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", brokerClasspath(), mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    private static String brokerClasspath() {
        try (InputStream in = KafkaJvm.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build the kafka-broker module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
