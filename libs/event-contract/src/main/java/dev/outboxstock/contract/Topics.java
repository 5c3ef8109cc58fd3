package dev.outboxstock.contract;

import java.util.List;
import java.util.stream.Stream;

/** Every topic of the contract: what the local stack creates, and what a deployment must declare. */
public final class Topics {

    /** Topics of events, keyed so that the events of one aggregate stay in order. */
    public static final List<String> EVENTS = List.of(StockTopic.NAME, StockOutcomeTopic.NAME, StockLevelTopic.NAME);

    /** Topics that hold a state, the latest record of each key: created with {@code cleanup.policy=compact}. */
    public static final List<String> COMPACTED = List.of(StockLevelTopic.NAME);

    /** Where relays and consumers put what they can never route or apply; order does not matter there. */
    public static final List<String> DEAD_LETTERS = List.of(
            DeadLetterTopic.NAME, StockTopic.DEAD_LETTER, StockOutcomeTopic.DEAD_LETTER, StockLevelTopic.DEAD_LETTER);

    private Topics() {}

    public static List<String> all() {
        return Stream.concat(EVENTS.stream(), DEAD_LETTERS.stream()).toList();
    }
}
