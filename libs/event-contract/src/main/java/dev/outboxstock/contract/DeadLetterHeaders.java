package dev.outboxstock.contract;

/**
 * Headers of a consumer's dead letter (SmallRye's dead-letter queue adds them to the record it received, which keeps
 * its own key and headers), and the one a redrive adds. A relay's dead letters carry {@link DeadLetterTopic}'s.
 */
public final class DeadLetterHeaders {

    /** Every dead-letter header starts so; a redriven record carries none of them. */
    public static final String PREFIX = "dead-letter-";

    /** Why the record was set aside. */
    public static final String REASON = DeadLetterTopic.REASON_HEADER;

    /** The message of the exception's cause, when there is one. */
    public static final String CAUSE = PREFIX + "cause";

    /** Where the record was read: topic, partition and offset. */
    public static final String TOPIC = PREFIX + "topic";

    public static final String PARTITION = PREFIX + "partition";
    public static final String OFFSET = PREFIX + "offset";

    /**
     * Set by a redrive: a JSON array of the earlier dead-letterings of the record ({@code reason}, {@code topic},
     * {@code partition}, {@code offset}, {@code deadLetteredAt}), oldest first. A record that fails again is
     * dead-lettered with it, so the next dead letter tells its whole story.
     */
    public static final String REDRIVE_HISTORY = "redrive-history";

    private DeadLetterHeaders() {}
}
