-- Each line is asked about again on its own schedule, with pauses that double: how many times its current request
-- was sent, and when to ask again if inventory has not answered by then (NULL: no more). requested_at is now when
-- the current request was made, no longer when it was last sent.
ALTER TABLE order_line ADD COLUMN times_asked integer NOT NULL DEFAULT 1,
                       ADD COLUMN next_ask_at timestamptz;
-- Lines waiting when this runs are asked about at the first round; their schedule starts then.
UPDATE order_line SET next_ask_at = requested_at WHERE status IN ('PENDING', 'RELEASE_REQUESTED');
-- Only lines still waiting for an answer: few, however many orders there are. A round reads the due ones in order.
DROP INDEX order_line_awaiting_answer;
CREATE INDEX order_line_awaiting_answer ON order_line (next_ask_at) WHERE status IN ('PENDING', 'RELEASE_REQUESTED');
