package dev.outboxstock.console.rest;

import dev.outboxstock.contract.DeadLetterTopic;
import dev.outboxstock.contract.StockLevelTopic;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.contract.StockTopic;

/** The contract's dead-letter topics as a validation pattern: a filter names one of them or none. */
final class DeadLetterTopicNames {

    static final String PATTERN = DeadLetterTopic.NAME + "|" + StockTopic.DEAD_LETTER + "|"
            + StockOutcomeTopic.DEAD_LETTER + "|" + StockLevelTopic.DEAD_LETTER;

    static final String MESSAGE = "topic must be one of " + DeadLetterTopic.NAME + ", " + StockTopic.DEAD_LETTER + ", "
            + StockOutcomeTopic.DEAD_LETTER + ", " + StockLevelTopic.DEAD_LETTER;

    private DeadLetterTopicNames() {}
}
