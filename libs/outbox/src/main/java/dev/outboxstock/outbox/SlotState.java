package dev.outboxstock.outbox;

/** The relay's replication slot, as far as the outbox is concerned. */
public enum SlotState {
    /** Not read yet, or the database could not be asked. */
    UNKNOWN,
    /** No slot of that name in this database: no relay has created it yet, or it was dropped. */
    MISSING,
    /** PostgreSQL invalidated it ({@code wal_status = 'lost'}): it can never be read again. */
    LOST,
    /** It exists and keeps every write for the relay. */
    USABLE
}
