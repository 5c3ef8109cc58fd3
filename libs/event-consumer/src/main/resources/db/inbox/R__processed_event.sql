-- The inbox, owned by the inbox library: a service adds db/inbox to its Flyway locations. Every consumed event
-- id, written in the same transaction as the change it caused, so that a redelivered event finds its id here and
-- changes nothing; also which record carried it. Repeatable and idempotent: a change here must keep it so.
CREATE TABLE IF NOT EXISTS processed_event (
    event_id         uuid         PRIMARY KEY,
    event_type       varchar(255) NOT NULL,
    source_partition integer      NOT NULL,
    source_offset    bigint       NOT NULL,
    processed_at     timestamptz  NOT NULL DEFAULT now()
);

-- Ids are forgotten after a retention period (inbox.retention.period), in batches, oldest first.
CREATE INDEX IF NOT EXISTS processed_event_processed_at ON processed_event (processed_at);
