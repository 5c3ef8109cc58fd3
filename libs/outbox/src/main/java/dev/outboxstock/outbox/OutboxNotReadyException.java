package dev.outboxstock.outbox;

/**
 * The outbox cannot take events now: its relay's replication slot is missing or lost, so an event written now could
 * never be relayed. Nothing was written. An HTTP service answers 503; a consumer waits and retries.
 */
public class OutboxNotReadyException extends RuntimeException {

    OutboxNotReadyException(String slot, SlotState state) {
        super("The outbox relay's replication slot " + slot + " is " + state + ": no event can be relayed now");
    }
}
