CREATE TABLE product (
    id         varchar(64) PRIMARY KEY,
    -- The last line of defence: whatever the code does, stock never goes below zero.
    available  integer     NOT NULL CHECK (available >= 0),
    version    bigint      NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every consumed event id, written in the same transaction as the stock change it caused: a redelivered event
-- finds its id here and changes nothing.
CREATE TABLE processed_event (
    event_id     uuid         PRIMARY KEY,
    event_type   varchar(255) NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now()
);
