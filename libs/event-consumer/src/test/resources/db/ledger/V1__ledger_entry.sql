-- The one table the ledger test application changes: a line per applied entry, written in the transaction that claims
-- its event in the inbox. Nothing here stops an event from being written twice: only the inbox does, which is what
-- the tests check. applied_order numbers lines in the order they were written; transaction_id tells which transaction
-- wrote them. An amount of zero is refused (a check violation): a valid event that can never be applied.
CREATE TABLE ledger_line (
    applied_order    bigserial PRIMARY KEY,
    event_id         uuid      NOT NULL,
    account          text      NOT NULL,
    amount           integer   NOT NULL CHECK (amount <> 0),
    source_partition integer   NOT NULL,
    source_offset    bigint    NOT NULL,
    transaction_id   bigint    NOT NULL DEFAULT txid_current()
);
