-- The outbox relay's database role, with no more than it needs: it reads the WAL (REPLICATION) and the outbox
-- table, and keeps its position in a table created for it here (Debezium would create it, but the role may not).
-- Run once as an administrator in the source database, after the outbox table exists; then give the role a
-- password (ALTER ROLE outbox_relay PASSWORD '...') unless your pg_hba.conf authenticates it otherwise.
CREATE ROLE outbox_relay LOGIN REPLICATION;
GRANT SELECT ON outbox_event TO outbox_relay;
CREATE TABLE outbox_relay_offset (
    id                varchar(36) PRIMARY KEY,
    offset_key        varchar(1255),
    offset_val        varchar(1255),
    record_insert_ts  timestamp NOT NULL,
    record_insert_seq integer   NOT NULL
);
GRANT SELECT, INSERT, DELETE ON outbox_relay_offset TO outbox_relay;
