-- The W3C trace context of the request that wrote the row; the relay carries it on as a Kafka header.
ALTER TABLE outbox_event ADD COLUMN traceparent varchar(55);
