-- A request that arrives again is answered again with what its first arrival recorded: found by its event id.
CREATE INDEX stock_movement_event ON stock_movement (event_id);
