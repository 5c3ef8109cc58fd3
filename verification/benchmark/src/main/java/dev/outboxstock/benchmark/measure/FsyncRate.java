package dev.outboxstock.benchmark.measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many {@code fdatasync} calls per second the disk under PostgreSQL's data directory completes, by PostgreSQL's
 * own {@code pg_test_fsync}: the ceiling of commits per second on one connection with {@code fsync} on, whatever
 * the code does. Only its first figure is read; the tool is stopped there, which saves its other tests' time.
 */
public final class FsyncRate {

    private static final Pattern FDATASYNC = Pattern.compile("^\\s*fdatasync\\s+([\\d.]+) ops/sec");
    private static final String SERVER_OS_USER = "postgres";

    private FsyncRate() {}

    /**
     * Runs {@code pg_test_fsync} beside the given PostgreSQL server's binaries, writing its test file into {@code
     * directory} (on the data directory's file system; writable by the server's OS user); empty when it cannot run.
     */
    public static OptionalDouble measure(ProcessHandle postmaster, Path directory) {
        Path tool = postmaster
                .info()
                .command()
                .map(postgres -> Path.of(postgres).resolveSibling("pg_test_fsync"))
                .filter(Files::isExecutable)
                .orElse(null);
        if (tool == null) {
            return OptionalDouble.empty();
        }
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // As the server runs: root may write where the server may not, and the file must be the server's.
            command.addAll(List.of("runuser", "-u", SERVER_OS_USER, "--"));
        }
        Path file = directory.resolve("pg_test_fsync.out");
        command.addAll(List.of(tool.toString(), "-s", "1", "-f", file.toString()));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader output =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    Matcher figure = FDATASYNC.matcher(line);
                    if (figure.find()) {
                        return OptionalDouble.of(Double.parseDouble(figure.group(1)));
                    }
                }
                return OptionalDouble.empty();
            } finally {
                process.destroy();
                process.waitFor();
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }
}
