-- Run once by CloudNativePG in the inventory database after creating it, as the superuser. The relay's role, as
-- db/relay-role.sql makes it: it may open a replication connection and keep its position in its offset table;
-- inventory-service's migration lets it read the outbox table (OUTBOX_RELAY_ROLE). Its password comes from the
-- operator (managed roles).
CREATE ROLE inventory_relay LOGIN REPLICATION;
CREATE TABLE outbox_relay_offset (
    id                varchar(36) PRIMARY KEY,
    offset_key        varchar(1255),
    offset_val        varchar(1255),
    record_insert_ts  timestamp NOT NULL,
    record_insert_seq integer   NOT NULL
);
GRANT SELECT, INSERT, DELETE ON outbox_relay_offset TO inventory_relay;
