package dev.outboxstock.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.consumer.ledger.CommittedOffsets;
import dev.outboxstock.consumer.ledger.LedgerEntries;
import dev.outboxstock.consumer.ledger.LedgerTestBase;
import dev.outboxstock.consumer.ledger.LedgerTestResource;
import dev.outboxstock.consumer.ledger.LedgerTopics;
import dev.outboxstock.localstack.testing.HeaderText;
import dev.outboxstock.localstack.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Records that can never be applied, among good ones of the same partition and poll: the good ones are applied, the
 * others reach the dead-letter topic in their offset order, and the partition's offset moves past all of them.
 */
@QuarkusTest
@LedgerTestResource
class DeadLetteringTest extends LedgerTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void deadLettersInterleavedWithGoodRecordsLeaveInOffsetOrder() {
        String bootstrapServers = bootstrapServers();
        String account = "mixed-" + UUID.randomUUID();
        entries.post(LedgerTopics.ENTRIES, UUID.randomUUID(), account, 1);
        // An amount of zero is valid but refused by the table (a check violation): no retry can apply it.
        Future<RecordMetadata> refused = entries.post(LedgerTopics.ENTRIES, UUID.randomUUID(), account, 0);
        entries.post(LedgerTopics.ENTRIES, UUID.randomUUID(), account, 2);
        Future<RecordMetadata> invalid = entries.postWithoutEventId(LedgerTopics.ENTRIES, account);
        entries.post(LedgerTopics.ENTRIES, UUID.randomUUID(), account, 3);
        Future<RecordMetadata> refusedAgain = entries.post(LedgerTopics.ENTRIES, UUID.randomUUID(), account, 0);
        Future<RecordMetadata> lastGood = entries.post(LedgerTopics.ENTRIES, UUID.randomUUID(), account, 4);
        entries.flush();
        List<Future<RecordMetadata>> bad = List.of(refused, invalid, refusedAgain);
        List<Long> badOffsets = bad.stream().map(LedgerEntries::offsetOf).toList();

        List<ConsumerRecord<String, String>> deadLetters = TopicReader.readUntil(
                        bootstrapServers,
                        LedgerTopics.DEAD_LETTER,
                        read -> read.stream()
                                        .filter(record -> account.equals(record.key()))
                                        .count()
                                >= bad.size(),
                        TIMEOUT)
                .stream()
                .filter(record -> account.equals(record.key()))
                .toList();

        assertThat(deadLetters)
                .extracting(record -> Long.parseLong(
                        HeaderText.of(record.headers(), "dead-letter-offset").orElseThrow()))
                .as("dead letters in the order of the records' offsets")
                .containsExactlyElementsOf(badOffsets);
        assertThat(deadLetters)
                .extracting(record ->
                        HeaderText.of(record.headers(), "dead-letter-reason").orElseThrow())
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("ledger_line_amount_check"),
                        reason -> assertThat(reason).contains("missing header"),
                        reason -> assertThat(reason).contains("ledger_line_amount_check"));
        await().atMost(TIMEOUT).until(() -> database.lines(account) == 4);
        assertThat(database.amountsInAppliedOrder(account)).containsExactly(1, 2, 3, 4);
        RecordMetadata last = LedgerEntries.await(lastGood);
        TopicPartition partition = new TopicPartition(last.topic(), last.partition());
        await().atMost(TIMEOUT)
                .until(() -> CommittedOffsets.of(bootstrapServers, "ledger", partition)
                        .filter(committed -> committed > last.offset())
                        .isPresent());
    }
}
