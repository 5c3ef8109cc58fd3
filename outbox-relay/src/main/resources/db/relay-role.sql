-- The outbox relay's database role, with no more than it needs: it reads the WAL (REPLICATION) and the outbox
-- table, and keeps its position in a table created for it here (Debezium would create it, but the role may not).
-- Run as an administrator in each source database, after the outbox table exists; then give the role a password
-- (ALTER ROLE outbox_relay PASSWORD '...') unless your pg_hba.conf authenticates it otherwise. Roles belong to
-- the cluster, so in a second database of the same cluster the role already exists and is reused.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'outbox_relay') THEN
        CREATE ROLE outbox_relay LOGIN REPLICATION;
    END IF;
END
$$;
GRANT SELECT ON outbox_event TO outbox_relay;
CREATE TABLE outbox_relay_offset (
    id                varchar(36) PRIMARY KEY,
    offset_key        varchar(1255),
    offset_val        varchar(1255),
    record_insert_ts  timestamp NOT NULL,
    record_insert_seq integer   NOT NULL
);
GRANT SELECT, INSERT, DELETE ON outbox_relay_offset TO outbox_relay;
