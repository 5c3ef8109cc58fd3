package dev.outboxstock.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the PostgreSQL server binaries (initdb, pg_ctl) and builds command lines for them. PostgreSQL refuses
 * to run as root, so when this JVM runs as root every command runs as the {@code postgres} OS user.
 *
 * @param binDir the directory that holds initdb and pg_ctl
 * @param runsAsServerUser whether every command runs as {@link #SERVER_OS_USER}
 */
record PostgresBinaries(Path binDir, boolean runsAsServerUser) {

    /** Environment variable that names the directory holding initdb and pg_ctl. */
    static final String BIN_DIR_VARIABLE = "PG_BIN";

    static final String SERVER_OS_USER = "postgres";

    private static final List<Path> VERSIONED_INSTALL_ROOTS =
            List.of(Path.of("/usr/lib/postgresql"), Path.of("/usr/pgsql"));
    private static final List<Path> FIXED_BIN_DIRS = List.of(
            Path.of("/opt/homebrew/opt/postgresql@15/bin"),
            Path.of("/usr/local/opt/postgresql@15/bin"),
            Path.of("/opt/homebrew/bin"),
            Path.of("/usr/local/bin"),
            Path.of("/usr/bin"));

    static PostgresBinaries locate() {
        Path binDir = Optional.ofNullable(System.getenv(BIN_DIR_VARIABLE))
                .map(Path::of)
                .or(PostgresBinaries::newestVersionedInstall)
                .or(() -> FIXED_BIN_DIRS.stream()
                        .filter(PostgresBinaries::hasServerTools)
                        .findFirst())
                .filter(PostgresBinaries::hasServerTools)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) not found. "
                        + "Install PostgreSQL 15 (Debian/Ubuntu: apt-get install postgresql; macOS: brew install "
                        + "postgresql@15) or set " + BIN_DIR_VARIABLE + " to the directory that holds initdb."));
        return new PostgresBinaries(binDir, OsUser.isRoot());
    }

    /** The command line for one of the server tools, run as the server's OS user where needed. */
    List<String> command(String tool, String... arguments) {
        List<String> command = new ArrayList<>();
        if (runsAsServerUser) {
            command.addAll(List.of("runuser", "-u", SERVER_OS_USER, "--"));
        }
        command.add(binDir.resolve(tool).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private static Optional<Path> newestVersionedInstall() {
        return VERSIONED_INSTALL_ROOTS.stream()
                .filter(Files::isDirectory)
                .flatMap(PostgresBinaries::versionDirectories)
                .map(version -> version.resolve("bin"))
                .filter(PostgresBinaries::hasServerTools)
                .max(Comparator.comparing(PostgresBinaries::majorVersion));
    }

    private static Stream<Path> versionDirectories(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int majorVersion(Path binDir) {
        String name = binDir.getParent().getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    private static boolean hasServerTools(Path binDir) {
        return Files.isExecutable(binDir.resolve("initdb")) && Files.isExecutable(binDir.resolve("pg_ctl"));
    }
}
