CREATE TABLE product (
    id         varchar(64) PRIMARY KEY,
    -- The last line of defence: whatever the code does, stock never goes below zero.
    available  integer     NOT NULL CHECK (available >= 0),
    version    bigint      NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The history of every stock change and every refused one, with the level it left behind. event_id is the
-- consumed event (see processed_event, from the inbox library), null for an operator's change.
CREATE TABLE stock_movement (
    id              bigserial   PRIMARY KEY,
    event_id        uuid,
    product_id      varchar(64) NOT NULL,
    order_id        uuid,
    kind            varchar(16) NOT NULL,
    quantity        integer     NOT NULL CHECK (quantity >= 0),
    outcome         varchar(16) NOT NULL,
    reason          varchar(32),
    available_after integer     CHECK (available_after >= 0),
    recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX stock_movement_product ON stock_movement (product_id, id);
