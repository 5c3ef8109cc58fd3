package dev.outboxstock.reliability;

import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.testing.HeaderText;
import dev.outboxstock.localstack.testing.TopicReader;
import dev.outboxstock.system.LocalSystem;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How many times each stock request about a scenario's products reached Kafka, read from the topic as inventory reads
 * it (committed records only): every copy beyond the first is order-service's reconciliation asking again (or a relay
 * sending a batch again after a crash), work inventory must read and answer.
 */
record StockRequestCopies(long records, long requests, long mostCopiesOfOne) {

    static StockRequestCopies of(LocalSystem system, String productPrefix) {
        Map<String, Long> copiesById =
                TopicReader.readToEnd(system.stack().kafka().orElseThrow().bootstrapServers(), StockTopic.NAME).stream()
                        .filter(record -> record.key() != null && record.key().startsWith(productPrefix))
                        .collect(Collectors.groupingBy(StockRequestCopies::eventId, Collectors.counting()));
        return new StockRequestCopies(
                copiesById.values().stream().mapToLong(Long::longValue).sum(),
                copiesById.size(),
                copiesById.values().stream().mapToLong(Long::longValue).max().orElse(0));
    }

    /** Records on the topic per order line of the scenario: 1 when nothing was asked twice (releases aside). */
    double perLine(long orderLines) {
        return orderLines == 0 ? 0 : records / (double) orderLines;
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        return HeaderText.of(record.headers(), EventHeaders.EVENT_ID).orElseThrow();
    }
}
