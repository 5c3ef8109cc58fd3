-- A request is applied once for good, not only while the inbox remembers its id (inbox.retention.period, 7 days): a
-- copy can come back later, redriven from a dead-letter topic (kept 30 days) or from a restored outbox. Its movement,
-- applied or refused, is what it did the first time: one per event and kind. A batch that finds a request's movement
-- recorded changes nothing for it and answers it again as the first time (StockService, StockMovementRepository).
--
-- Before this, such a late copy was applied again and recorded a second line. Those lines stay: they happened, and the
-- levels after them are the levels. But they no longer name the event, only its first movement does (the answer the
-- order was given). On a database without such lines the update changes nothing, so the index below always builds.
UPDATE stock_movement later SET event_id = NULL
    WHERE event_id IS NOT NULL
      AND EXISTS (SELECT FROM stock_movement earlier
                  WHERE earlier.event_id = later.event_id AND earlier.kind = later.kind AND earlier.id < later.id);

CREATE UNIQUE INDEX stock_movement_event_kind ON stock_movement (event_id, kind);
-- Leads with event_id: it also finds a request's movements by event id, as the index it replaces did.
DROP INDEX stock_movement_event;
