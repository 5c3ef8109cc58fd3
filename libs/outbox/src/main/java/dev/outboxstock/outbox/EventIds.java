package dev.outboxstock.outbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids derived from what the event is about (a name-based UUID), so that the same event written again, by a
 * retry or a reconciliation, gets the same id and its consumers drop the copy.
 */
public final class EventIds {

    private EventIds() {}

    /** The id for the event that {@code parts} name, for example an event type and the ids it refers to. */
    public static UUID derive(Object... parts) {
        StringBuilder name = new StringBuilder();
        for (Object part : parts) {
            name.append(part).append('/');
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
