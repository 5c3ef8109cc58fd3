package dev.outboxstock.consumer.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The one event of the ledger test application: an amount posted to an account. Its records are keyed by account, as
 * the services' events are keyed by what they are about. An amount of zero is valid here but refused by the table:
 * an event that can never be applied.
 */
public record LedgerEntry(@NotBlank String account, @NotNull Integer amount) {

    /** The {@code eventType} header of its records. */
    public static final String TYPE = "LedgerEntryPosted";
}
