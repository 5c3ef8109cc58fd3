package dev.outboxstock.order.messaging;

import dev.outboxstock.contract.StockOutcome;
import dev.outboxstock.inbox.EventSource;

/** A valid stock outcome: where it came from, and one of the contract's outcome records. */
public record DecodedStockOutcome(EventSource source, StockOutcome payload) {}
