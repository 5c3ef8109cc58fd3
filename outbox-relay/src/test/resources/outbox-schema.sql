-- The outbox table as a service owns it (order-service's migration is the real one), for the relay's own tests.
CREATE TABLE outbox_event (
    id            uuid PRIMARY KEY,
    aggregatetype varchar(255) NOT NULL,
    aggregateid   varchar(255) NOT NULL,
    type          varchar(255) NOT NULL,
    payload       jsonb        NOT NULL,
    traceparent   varchar(55),
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE PUBLICATION outbox_publication FOR TABLE outbox_event WITH (publish = 'insert');
