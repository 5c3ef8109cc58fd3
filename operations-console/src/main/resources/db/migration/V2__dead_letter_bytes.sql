-- A dead letter is indexed whatever its bytes: the key, value and headers are kept as received (bytea), so that a
-- header that is not text (a NUL byte, invalid UTF-8) is replayed as it was; the text columns only show them
-- (escaped where they are not text, cut to their length). NULL raw_headers: indexed before the bytes were kept.
ALTER TABLE dead_letter
    ADD COLUMN raw_key     bytea,
    ADD COLUMN raw_value   bytea,
    ADD COLUMN raw_headers bytea;

-- A record the index refused for a reason no retry cures (the database called its data wrong): kept here whole, with
-- why, so that indexing goes on with the next record and nothing read is lost. Counted by
-- console_dead_letters_set_aside_total. Read again after a restart, it is set aside once.
CREATE TABLE dead_letter_set_aside (
    id              bigserial    PRIMARY KEY,
    topic           varchar(249) NOT NULL,
    kafka_partition integer      NOT NULL,
    kafka_offset    bigint       NOT NULL,
    raw_key         bytea,
    raw_value       bytea,
    raw_headers     bytea        NOT NULL,
    failure         text         NOT NULL,
    set_aside_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT dead_letter_set_aside_record UNIQUE (topic, kafka_partition, kafka_offset)
);
