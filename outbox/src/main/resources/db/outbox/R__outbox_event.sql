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

-- The relay streams inserts of the outbox table only; nothing else of the database leaves it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'outbox_publication') THEN
        CREATE PUBLICATION outbox_publication FOR TABLE outbox_event WITH (publish = 'insert');
    END IF;
END
$$;
