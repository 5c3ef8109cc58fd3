package dev.outboxstock.benchmark.measure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How hard PostgreSQL works over a span of time: the CPU of all its processes (the postmaster, every connection's
 * backend, the WAL writer, autovacuum workers, also those that ended), the write-ahead log it wrote and the
 * transactions it committed. Read by {@link #start} and {@link Span#end}.
 */
public final class DatabaseLoad {

    private final ProcessHandle postmaster;
    private final Connection connection;

    /** {@code connection}: any database of the cluster, to read its WAL position and statistics. */
    public DatabaseLoad(ProcessHandle postmaster, Connection connection) {
        this.postmaster = postmaster;
        this.connection = connection;
    }

    public Span start() throws SQLException {
        return new Span(read());
    }

    /** What one span of time cost the database. */
    public record Usage(double seconds, double cpuSeconds, long walBytes, long commits) {

        /** CPU time as a percentage of one core. */
        public double cpuPercentOfOneCore() {
            return cpuSeconds / seconds * 100;
        }
    }

    /** The readings at the start of a span. */
    public final class Span {

        private final Reading atStart;

        private Span(Reading atStart) {
            this.atStart = atStart;
        }

        public Usage end() throws SQLException {
            return read().since(atStart);
        }
    }

    /** The database's counters at one moment; {@code nanos} from {@link System#nanoTime()}. */
    private record Reading(long nanos, double cpuSeconds, long walBytes, long commits) {

        Usage since(Reading start) {
            return new Usage(
                    (nanos - start.nanos) / 1e9,
                    cpuSeconds - start.cpuSeconds,
                    walBytes - start.walBytes,
                    commits - start.commits);
        }
    }

    private Reading read() throws SQLException {
        return new Reading(System.nanoTime(), cpuSeconds(), walBytes(), commits());
    }

    private double cpuSeconds() {
        return ProcFiles.cpuSecondsWithChildren(postmaster);
    }

    private long walBytes() throws SQLException {
        return queryLong("SELECT (pg_current_wal_lsn() - '0/0')::bigint");
    }

    private long commits() throws SQLException {
        // Statistics reach the view with a short delay; over spans of many seconds that is noise.
        return queryLong("SELECT sum(xact_commit)::bigint FROM pg_stat_database");
    }

    private long queryLong(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
