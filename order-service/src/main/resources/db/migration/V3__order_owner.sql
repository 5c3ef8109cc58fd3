-- Who placed the order: the subject of the caller's token. A customer sees and cancels only its own orders. Orders
-- placed before the APIs were authenticated have none: only operators see them.
ALTER TABLE customer_order ADD COLUMN owner varchar(255);
CREATE INDEX customer_order_owner ON customer_order (owner, created_at);

-- An Idempotency-Key is its customer's own: two customers may choose the same key and get an order each. Keys
-- claimed before owners existed belong to nobody ('').
ALTER TABLE idempotency_key ADD COLUMN owner varchar(255) NOT NULL DEFAULT '';
ALTER TABLE idempotency_key ALTER COLUMN owner DROP DEFAULT;
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD PRIMARY KEY (owner, key);
