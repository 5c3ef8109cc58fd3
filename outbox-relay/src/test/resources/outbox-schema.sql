-- The outbox table as a service owns it (order-service's migration is the real one), for the relay's own tests.
-- Key, topic and payload columns are nullable here, unlike in order-service: the relay serves any outbox, and
-- the dead-letter tests need rows it cannot route.
CREATE TABLE outbox_event (
    id            uuid PRIMARY KEY,
    aggregatetype varchar(255),
    aggregateid   varchar(255),
    type          varchar(255) NOT NULL,
    payload       jsonb,
    traceparent   varchar(55),
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE PUBLICATION outbox_publication FOR TABLE outbox_event WITH (publish = 'insert');

-- Another table of the same database, busy while the outbox is idle; not in the publication.
CREATE TABLE order_audit (
    id   bigserial PRIMARY KEY,
    note text NOT NULL
);
