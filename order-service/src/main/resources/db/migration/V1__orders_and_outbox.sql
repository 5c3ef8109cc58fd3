CREATE TABLE customer_order (
    id         uuid        PRIMARY KEY,
    status     varchar(16) NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE order_line (
    id          uuid        PRIMARY KEY,
    order_id    uuid        NOT NULL REFERENCES customer_order (id),
    line_number integer     NOT NULL,
    product_id  varchar(64) NOT NULL,
    quantity    integer     NOT NULL CHECK (quantity > 0),
    UNIQUE (order_id, line_number)
);

-- The transactional outbox: written in the same transaction as the order, read from the WAL by the relay.
-- Column names are the Debezium outbox event router's defaults.
CREATE TABLE outbox_event (
    id            uuid         PRIMARY KEY,
    aggregatetype varchar(255) NOT NULL,
    aggregateid   varchar(255) NOT NULL,
    type          varchar(255) NOT NULL,
    payload       jsonb        NOT NULL,
    created_at    timestamptz  NOT NULL
);

-- The relay streams inserts of the outbox table only; nothing else of this database leaves it.
CREATE PUBLICATION outbox_publication FOR TABLE outbox_event WITH (publish = 'insert');
