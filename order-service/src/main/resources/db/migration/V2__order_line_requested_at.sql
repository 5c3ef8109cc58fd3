-- When inventory was last asked about a line: the reconciliation asks again for lines left without an answer.
ALTER TABLE order_line ADD COLUMN requested_at timestamptz;
UPDATE order_line l SET requested_at = o.updated_at FROM customer_order o WHERE o.id = l.order_id;
ALTER TABLE order_line ALTER COLUMN requested_at SET NOT NULL;
-- Only lines still waiting for an answer: few, however many orders there are.
CREATE INDEX order_line_awaiting_answer ON order_line (requested_at) WHERE status IN ('PENDING', 'RELEASE_REQUESTED');
