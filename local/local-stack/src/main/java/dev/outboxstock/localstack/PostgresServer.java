package dev.outboxstock.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A private PostgreSQL cluster: its own data directory, port and socket directory, so it never touches a
 * system cluster. Configured for logical decoding (pgoutput), which the outbox relay needs.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class);

    public static final String SUPERUSER = "postgres";
    private static final String HOST = "127.0.0.1";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final PostgresBinaries binaries;
    private final Path dataDir;
    private final int port;

    private PostgresServer(PostgresBinaries binaries, Path dataDir, int port) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Creates a cluster below {@code workDir}, starts it and creates the given databases. */
    static PostgresServer start(Path workDir, Collection<String> databases) {
        PostgresBinaries binaries = PostgresBinaries.locate();
        Path home = createHome(workDir, binaries);
        Path dataDir = home.resolve("data");
        Path socketDir = home.resolve("socket");
        int port = FreePort.find();

        long started = System.nanoTime();
        Command.run(binaries.command(
                "initdb",
                "-D",
                dataDir.toString(),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync"));
        appendSettings(dataDir, port, socketDir);
        PostgresServer server = new PostgresServer(binaries, dataDir, port);
        server.start();
        databases.forEach(server::createDatabase);
        LOG.infof(
                "PostgreSQL started on %s:%d with databases %s in %d ms",
                HOST, port, databases, (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String username() {
        return SUPERUSER;
    }

    /** Any password: the private cluster trusts loopback connections. Services still send one, as in production. */
    public String password() {
        return SUPERUSER;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username(), password());
    }

    /**
     * The cluster's postmaster, parent of every server process (one per connection, the WAL writer, ...): the
     * server's CPU time is its own and its children's.
     */
    public ProcessHandle processHandle() {
        try {
            long pid = Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL is not running in " + dataDir, e);
        }
    }

    /** Starts the cluster (again, after {@link #stop()}) on the same port and data directory. */
    public void start() {
        Command.run(binaries.command(
                "pg_ctl",
                "-D",
                dataDir.toString(),
                "-l",
                dataDir.resolveSibling("server.log").toString(),
                "-w",
                "-t",
                "60",
                "start"));
    }

    /** Stops the cluster ("fast": open sessions are cut, as in a failover or a restart for maintenance). */
    public void stop() {
        stop(binaries, dataDir);
        LOG.infof("PostgreSQL on port %d stopped", port);
    }

    /**
     * Crashes the cluster, as a power cut or the kernel's OOM killer would: SIGKILL to the postmaster, no shutdown
     * checkpoint, sessions cut. Its server processes notice and exit; waits until they have, so that {@link #start()}
     * can run crash recovery on the same data directory.
     */
    public void kill() {
        ProcessHandle postmaster = processHandle();
        List<ProcessHandle> serverProcesses = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        Stream.concat(Stream.of(postmaster), serverProcesses.stream()).forEach(PostgresServer::awaitExit);
        LOG.infof("PostgreSQL on port %d killed", port);
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops a cluster by its data directory; also used to reap one a dead JVM left behind. */
    static void stop(PostgresBinaries binaries, Path dataDir) {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            Command.run(binaries.command("pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
        }
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL to exit", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL process " + process.pid() + " did not exit", e);
        }
    }

    static Path dataDirIn(Path workDir) {
        return workDir.resolve("postgres").resolve("data");
    }

    /** Runs an SQL script (several statements) in {@code database} as the superuser. */
    public void execute(String database, String script) {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(script);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run a script in " + database, e);
        }
    }

    private void createDatabase(String name) {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }

    private static Path createHome(Path workDir, PostgresBinaries binaries) {
        try {
            Path home = Files.createDirectory(dataDirIn(workDir).getParent());
            Path socketDir = Files.createDirectory(home.resolve("socket"));
            if (binaries.runsAsServerUser()) {
                OsUser.makeTraversable(workDir);
                OsUser.giveDirectory(home, PostgresBinaries.SERVER_OS_USER);
                OsUser.giveDirectory(socketDir, PostgresBinaries.SERVER_OS_USER);
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the PostgreSQL directory in " + workDir, e);
        }
    }

    /**
     * What a production database would set for a write-heavy load instead of the defaults, which are sized for a
     * laptop: buffers for the hot rows and indexes, and checkpoints spread out (the default 1 GB of WAL between them
     * forces one every few seconds under a flash sale, and each makes every page's next change write a full page).
     * Every commit is still flushed to disk: {@code fsync} and {@code synchronous_commit} stay on.
     */
    public static final List<String> PRODUCTION_SETTINGS = List.of(
            "shared_buffers = 512MB",
            "max_wal_size = 4GB",
            "min_wal_size = 1GB",
            "checkpoint_timeout = 15min",
            "checkpoint_completion_target = 0.9");

    private static void appendSettings(Path dataDir, int port, Path socketDir) {
        List<String> settings = new ArrayList<>(List.of(
                "",
                "# outbox-stock local stack",
                "listen_addresses = '" + HOST + "'",
                "port = " + port,
                "unix_socket_directories = '" + socketDir + "'",
                "wal_level = logical",
                // The commit time of every transaction: outbox_republish publishes events again in commit order.
                "track_commit_timestamp = on",
                "max_replication_slots = 20",
                "max_wal_senders = 20",
                "max_connections = 200"));
        settings.addAll(PRODUCTION_SETTINGS);
        settings.add("");
        try {
            Files.writeString(
                    dataDir.resolve("postgresql.conf"), String.join("\n", settings), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot configure " + dataDir, e);
        }
    }
}
