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
