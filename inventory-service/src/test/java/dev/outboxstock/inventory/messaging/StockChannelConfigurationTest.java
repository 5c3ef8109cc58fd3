package dev.outboxstock.inventory.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.contract.StockTopic;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The channel's configuration names the contract's topics; a rename on either side fails here. */
class StockChannelConfigurationTest {

    private static final String CHANNEL = "mp.messaging.incoming." + StockTopic.NAME + ".";

    @Test
    void consumesTheStockTopicAndDeadLettersToItsDeadLetterTopic() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty(CHANNEL + "topic")).isEqualTo(StockTopic.NAME);
        assertThat(properties.getProperty(CHANNEL + "dead-letter-queue.topic")).isEqualTo(StockTopic.DEAD_LETTER);
        assertThat(properties.getProperty(CHANNEL + "failure-strategy")).isEqualTo("dead-letter-queue");
    }
}
