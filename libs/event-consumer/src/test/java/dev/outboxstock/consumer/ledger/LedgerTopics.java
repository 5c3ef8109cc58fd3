package dev.outboxstock.consumer.ledger;

import java.util.Map;

/** The ledger's topics (each channel is named after its topic) and their partition counts. */
public final class LedgerTopics {

    /** Most tests' topic. */
    public static final String ENTRIES = "ledger-entries";

    public static final String DEAD_LETTER = "ledger-entries-dead-letter";

    /** A topic whose dead-letter topic is missing until a test creates it. */
    public static final String UNFILED = "unfiled-entries";

    public static final String UNFILED_DEAD_LETTER = "unfiled-entries-dead-letter";

    /** A topic consumed by a consumer that shuts down, then by its successor (a channel of its own). */
    public static final String HANDOVER = "handover-entries";

    public static final String HANDOVER_SUCCESSOR = "handover-successor";

    public static final int ENTRIES_PARTITIONS = 3;

    /** The topics the test stack creates: all but {@link #UNFILED_DEAD_LETTER}. */
    static final Map<String, Integer> CREATED =
            Map.of(ENTRIES, ENTRIES_PARTITIONS, DEAD_LETTER, 1, UNFILED, 1, HANDOVER, 1);

    private LedgerTopics() {}
}
