package dev.outboxstock.relay.wal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/** The relay's replication slot as {@code pg_replication_slots} shows it: its state, and the WAL it retains. */
public record SlotReading(SlotState state, OptionalLong retainedWalBytes) {

    /** What a reading can find. */
    public enum SlotState {
        /** Not read yet, or the database was out of reach. */
        UNKNOWN,
        /** No such slot: the relay creates it when it streams. */
        MISSING,
        /** Invalidated by PostgreSQL for holding more WAL than {@code max_slot_wal_keep_size}: never readable again. */
        LOST,
        /** Usable; its retained WAL is known. */
        USABLE
    }

    static final SlotReading UNKNOWN = new SlotReading(SlotState.UNKNOWN, OptionalLong.empty());

    /** Reads the slot of this name in the connection's database. */
    static SlotReading of(Connection connection, String slot) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT wal_status = 'lost' OR restart_lsn IS NULL,"
                + " pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint"
                + " FROM pg_replication_slots WHERE slot_name = ? AND database = current_database()")) {
            query.setString(1, slot);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return new SlotReading(SlotState.MISSING, OptionalLong.empty());
                }
                if (row.getBoolean(1)) {
                    return new SlotReading(SlotState.LOST, OptionalLong.empty());
                }
                return new SlotReading(SlotState.USABLE, OptionalLong.of(row.getLong(2)));
            }
        }
    }
}
