package dev.outboxstock.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.consumer.ledger.CommittedOffsets;
import dev.outboxstock.consumer.ledger.LedgerEntries;
import dev.outboxstock.consumer.ledger.LedgerStackResource;
import dev.outboxstock.consumer.ledger.LedgerTestBase;
import dev.outboxstock.consumer.ledger.LedgerTestResource;
import dev.outboxstock.consumer.ledger.LedgerTopics;
import dev.outboxstock.localstack.testing.HeaderText;
import dev.outboxstock.localstack.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A dead letter the dead-letter topic cannot take (here: the topic does not exist, and the broker creates none) is
 * neither acknowledged nor lost: its partition waits, in order, the readiness check naming it, and the send is tried
 * again until the topic takes it; then the partition's offset moves on and the channel goes on consuming.
 */
@QuarkusTest
@LedgerTestResource
class DeadLetterSendFailureTest extends LedgerTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final TopicPartition UNFILED = new TopicPartition(LedgerTopics.UNFILED, 0);

    @Test
    void aDeadLetterTheTopicCannotTakeHoldsItsPartitionUntilTheTopicTakesIt() {
        String bootstrapServers = bootstrapServers();
        String account = "unfiled-" + UUID.randomUUID();
        entries.post(LedgerTopics.UNFILED, UUID.randomUUID(), account, 1);
        Future<RecordMetadata> refused = entries.post(LedgerTopics.UNFILED, UUID.randomUUID(), account, 0);
        Future<RecordMetadata> last = entries.post(LedgerTopics.UNFILED, UUID.randomUUID(), account, 2);
        entries.flush();
        long refusedOffset = LedgerEntries.offsetOf(refused);
        long lastOffset = LedgerEntries.offsetOf(last);

        try {
            await().atMost(TIMEOUT).until(() -> notReadyFor(LedgerTopics.UNFILED + "-0"));
            // Longer than the throttled strategy's commit interval (5 s): an acknowledged record would be committed.
            sleep(Duration.ofSeconds(7));
            assertThat(committed(bootstrapServers).orElse(0L))
                    .as("the partition's committed offset stays at or before the record whose dead letter was not sent")
                    .isLessThanOrEqualTo(refusedOffset);
        } finally {
            // Also when an assertion failed: the partition must not stay stalled for the tests after this one.
            LedgerStackResource.createTopics(bootstrapServers, Map.of(LedgerTopics.UNFILED_DEAD_LETTER, 1));
        }

        List<ConsumerRecord<String, String>> deadLetters = TopicReader.readUntil(
                bootstrapServers, LedgerTopics.UNFILED_DEAD_LETTER, read -> !read.isEmpty(), TIMEOUT);
        assertThat(deadLetters)
                .singleElement()
                .satisfies(deadLetter -> assertThat(HeaderText.of(deadLetter.headers(), "dead-letter-offset"))
                        .contains(String.valueOf(refusedOffset)));
        await().atMost(TIMEOUT)
                .until(() -> committed(bootstrapServers)
                        .filter(offset -> offset > lastOffset)
                        .isPresent());
        assertThat(database.amountsInAppliedOrder(account)).containsExactly(1, 2);
        await().atMost(TIMEOUT).until(() -> !notReadyFor(LedgerTopics.UNFILED + "-0"));

        String later = "later-" + UUID.randomUUID();
        entries.postAcknowledged(LedgerTopics.UNFILED, UUID.randomUUID(), later, 3);
        await().atMost(TIMEOUT).until(() -> database.lines(later) == 1);
    }

    private static Optional<Long> committed(String bootstrapServers) {
        return CommittedOffsets.of(bootstrapServers, "unfiled", UNFILED);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
