-- Run once by CloudNativePG in a service's database after creating it, as the superuser. The relay's role, as
-- db/relay-role.sql makes it: it may open a replication connection and keep its position in its offset table;
-- the service's migration lets it read the outbox table (OUTBOX_RELAY_ROLE). Its password comes from the
-- operator (managed roles). One script for every database: the role is named after the database's owner, the
-- service's role (orders_relay in the database orders owns), as the Cluster's managed role is.
DO $$
DECLARE
    relay name := (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) || '_relay';
BEGIN
    EXECUTE format('CREATE ROLE %I LOGIN REPLICATION', relay);
    CREATE TABLE outbox_relay_offset (
        id                varchar(36) PRIMARY KEY,
        offset_key        varchar(1255),
        offset_val        varchar(1255),
        record_insert_ts  timestamp NOT NULL,
        record_insert_seq integer   NOT NULL
    );
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON outbox_relay_offset TO %I', relay);
END
$$;
