-- The transactional outbox, owned by the outbox library: a service adds db/outbox to its Flyway locations.
-- Written in the same transaction as the business change and read from the WAL by the relay. Column names are
-- the Debezium outbox event router's defaults. Repeatable and idempotent: a change here must keep it so.
CREATE TABLE IF NOT EXISTS outbox_event (
    id            uuid         PRIMARY KEY,
    aggregatetype varchar(255) NOT NULL,
    aggregateid   varchar(255) NOT NULL,
    type          varchar(255) NOT NULL,
    payload       jsonb        NOT NULL,
    -- The W3C trace context of the request that wrote the row; the relay carries it on as a Kafka header.
    traceparent   varchar(55),
    created_at    timestamptz  NOT NULL DEFAULT now()
);

-- Rows are kept for a retention period (outbox.retention.period) and removed in batches, oldest first.
CREATE INDEX IF NOT EXISTS outbox_event_created_at ON outbox_event (created_at);

-- The order rows were inserted in, within their transaction: the order the relay sends a transaction's events in,
-- which outbox_republish keeps. Added without a default first, so that an existing table is not rewritten (rows
-- written before it have none); new rows take the next number.
CREATE SEQUENCE IF NOT EXISTS outbox_event_seq;
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS seq bigint;
ALTER TABLE outbox_event ALTER COLUMN seq SET DEFAULT nextval('outbox_event_seq');
ALTER SEQUENCE outbox_event_seq OWNED BY outbox_event.seq;

-- The relay streams inserts of the outbox table only; nothing else of the database leaves it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'outbox_publication') THEN
        CREATE PUBLICATION outbox_publication FOR TABLE outbox_event WITH (publish = 'insert');
    END IF;
END
$$;

-- The relay's role reads this table and nothing else of the service's (outbox.relay-role, through the Flyway
-- placeholder outboxRelayRole). Where the role is created only after the first migration (db/relay-role.sql),
-- that script grants the same.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${outboxRelayRole}') THEN
        EXECUTE format('GRANT SELECT ON outbox_event TO %I', '${outboxRelayRole}');
    END IF;
END
$$;

-- Publishes again every event written since a point in time, with its own id, in commit order: for when the relay's
-- replication slot was lost or dropped before it had relayed them. Each row is deleted and inserted again in one
-- transaction, so the relay sees a new insert in the write-ahead log and sends it like any other; consumers drop the
-- events they had already applied. Run it as the service's role, after the relay has created its slot:
--   SELECT outbox_republish('2026-11-30 10:00:00+00');
-- Returns how many events it published again. Rows older than the retention period are gone: they cannot be.
--
-- The order is the one the relay publishes in: the transactions' commit order, then the order of the inserts within
-- each. A row's created_at is its transaction's start, and a transaction that started first may commit last, so the
-- commit is read from the row's xmin with pg_xact_commit_timestamp, which needs track_commit_timestamp = on (see
-- docs/how-it-works.md). The commit time is taken just before the commit is written to the WAL: two transactions that
-- committed in the same instant without waiting for each other may swap, while one that waited for the other (a lock)
-- or saw its change always comes after it. Rows without a commit time (written while the setting was off, or older than the
-- database's oldest kept commit time) come first, in insertion order. The rows inserted again take new numbers in this
-- order, so a second republish keeps it.
CREATE OR REPLACE FUNCTION outbox_republish(since timestamptz) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    republished bigint;
    commit_times boolean := current_setting('track_commit_timestamp')::boolean;
BEGIN
    IF NOT commit_times THEN
        RAISE WARNING 'track_commit_timestamp is off: events are published again in insertion order, which may'
            ' differ from commit order for transactions that overlapped';
    END IF;
    CREATE TEMPORARY TABLE outbox_republishing ON COMMIT DROP AS
        SELECT o.*, CASE WHEN commit_times THEN pg_xact_commit_timestamp(o.xmin) END AS committed_at
        FROM outbox_event o WHERE o.created_at >= since;
    DELETE FROM outbox_event o USING outbox_republishing r WHERE o.id = r.id;
    INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, traceparent, created_at)
        SELECT id, aggregatetype, aggregateid, type, payload, traceparent, created_at FROM outbox_republishing
        ORDER BY committed_at NULLS FIRST, seq NULLS FIRST, created_at, id;
    GET DIAGNOSTICS republished = ROW_COUNT;
    RETURN republished;
END
$$;
