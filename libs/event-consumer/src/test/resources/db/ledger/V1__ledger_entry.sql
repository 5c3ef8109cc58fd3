-- The one table the ledger test application changes: a line per applied entry, in the transaction that claims its
-- event in the inbox. applied_order numbers lines in the order they were written; transaction_id tells which
-- transaction wrote them. An amount of zero is refused (check violation): a valid event that can never be applied.
CREATE TABLE ledger_line (
    event_id         uuid    PRIMARY KEY,
    account          text    NOT NULL,
    amount           integer NOT NULL CHECK (amount <> 0),
    source_partition integer NOT NULL,
    source_offset    bigint  NOT NULL,
    applied_order    bigserial,
    transaction_id   bigint  NOT NULL DEFAULT txid_current()
);
