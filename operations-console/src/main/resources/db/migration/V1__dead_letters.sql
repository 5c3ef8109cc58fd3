-- The dead letters of every dead-letter topic, indexed as they are read: one row per record, never two for one
-- (topic, partition, offset), so that reading a record again (after a restart) changes nothing.
CREATE TABLE dead_letter (
    id               bigserial    PRIMARY KEY,
    topic            varchar(249) NOT NULL,
    kafka_partition  integer      NOT NULL,
    kafka_offset     bigint       NOT NULL,
    record_key       text,
    record_value     text,
    -- [{"name": ..., "value": ...}] in the record's order: a header may repeat.
    headers          jsonb        NOT NULL,
    reason           text,
    source_topic     varchar(249),
    source_partition integer,
    source_offset    bigint,
    event_id         varchar(64),
    event_type       varchar(255),
    dead_lettered_at timestamptz  NOT NULL,
    status           varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'REPLAYED', 'DISCARDED')),
    replays          integer      NOT NULL DEFAULT 0,
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT dead_letter_record UNIQUE (topic, kafka_partition, kafka_offset)
);

-- The list is newest first, usually of one topic or status.
CREATE INDEX dead_letter_dead_lettered_at ON dead_letter (dead_lettered_at DESC, id DESC);
CREATE INDEX dead_letter_status ON dead_letter (status, dead_lettered_at DESC);

-- What operators did: each replay or discard, of one dead letter or of a filtered set.
CREATE TABLE redrive_action (
    id           bigserial    PRIMARY KEY,
    action       varchar(16)  NOT NULL CHECK (action IN ('REPLAY', 'DISCARD')),
    operator     varchar(64)  NOT NULL,
    performed_at timestamptz  NOT NULL,
    -- "dead letter 42", or the filter of a set.
    selection    text         NOT NULL,
    record_count integer      NOT NULL
);

CREATE INDEX redrive_action_performed_at ON redrive_action (performed_at DESC, id DESC);
