CREATE TABLE customer_order (
    id               uuid         PRIMARY KEY,
    status           varchar(16)  NOT NULL,
    rejection_reason varchar(128),
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0
);
CREATE INDEX customer_order_status ON customer_order (status, created_at);

CREATE TABLE order_line (
    id               uuid        PRIMARY KEY,
    order_id         uuid        NOT NULL REFERENCES customer_order (id),
    line_number      integer     NOT NULL,
    product_id       varchar(64) NOT NULL,
    quantity         integer     NOT NULL CHECK (quantity > 0),
    status           varchar(24) NOT NULL,
    rejection_reason varchar(32),
    UNIQUE (order_id, line_number),
    -- One line per product: inventory's outcomes name the order and the product.
    UNIQUE (order_id, product_id)
);

-- A client's Idempotency-Key and the order its first request created: a retried request gets that order back.
CREATE TABLE idempotency_key (
    key                 varchar(128) PRIMARY KEY,
    request_fingerprint varchar(64)  NOT NULL,
    order_id            uuid         NOT NULL REFERENCES customer_order (id) DEFERRABLE INITIALLY DEFERRED,
    created_at          timestamptz  NOT NULL DEFAULT now()
);
