package dev.outboxstock.inventory.messaging;

import dev.outboxstock.inbox.EventSource;

/** A valid stock event: where it came from and its payload, one of the contract's stock event records. */
record DecodedStockEvent(EventSource source, Object payload) {}
