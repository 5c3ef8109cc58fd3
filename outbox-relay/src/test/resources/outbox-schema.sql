-- The outbox table as a service owns it (order-service's migration is the real one), for the relay's own tests.
-- Key, topic and payload columns are nullable here, unlike in order-service: the relay serves any outbox, and
-- the dead-letter tests need rows it cannot route.
CREATE TABLE outbox_event (
    id            uuid PRIMARY KEY,
    aggregatetype varchar(255),
    aggregateid   varchar(255),
    type          varchar(255) NOT NULL,
    payload       jsonb,
    traceparent   varchar(55),
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE PUBLICATION outbox_publication FOR TABLE outbox_event WITH (publish = 'insert');

-- Another table of the same database, busy while the outbox is idle; not in the publication.
CREATE TABLE order_audit (
    id   bigserial PRIMARY KEY,
    note text NOT NULL
);

-- The relay's role, with no more than it needs (README.md, "Least privilege"): it reads the WAL and the outbox
-- table and keeps its position in a table created for it beforehand.
CREATE ROLE outbox_relay LOGIN REPLICATION PASSWORD 'relay-secret';
GRANT SELECT ON outbox_event TO outbox_relay;
CREATE TABLE outbox_relay_offset (
    id                varchar(36) PRIMARY KEY,
    offset_key        varchar(1255),
    offset_val        varchar(1255),
    record_insert_ts  timestamp NOT NULL,
    record_insert_seq integer   NOT NULL
);
GRANT SELECT, INSERT, DELETE ON outbox_relay_offset TO outbox_relay;
