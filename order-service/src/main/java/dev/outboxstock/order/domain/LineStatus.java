package dev.outboxstock.order.domain;

import java.util.Map;
import java.util.Set;

/** What inventory did with a line's stock request, and with its compensation. */
public enum LineStatus {
    /** Stock requested, no answer yet. */
    PENDING,
    /** Inventory took the units. */
    RESERVED,
    /** Inventory did not take the units. Final. */
    REJECTED,
    /** The units were taken but the order failed or was cancelled: asked inventory to give them back. */
    RELEASE_REQUESTED,
    /** Inventory took the units back. Final. */
    RELEASED;

    private static final Map<LineStatus, Set<LineStatus>> NEXT = Map.of(
            PENDING, Set.of(RESERVED, REJECTED),
            RESERVED, Set.of(RELEASE_REQUESTED),
            RELEASE_REQUESTED, Set.of(RELEASED),
            REJECTED, Set.of(),
            RELEASED, Set.of());

    public boolean canBecome(LineStatus next) {
        return NEXT.get(this).contains(next);
    }
}
