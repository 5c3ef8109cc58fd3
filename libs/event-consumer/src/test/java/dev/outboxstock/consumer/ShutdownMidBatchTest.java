package dev.outboxstock.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.consumer.ledger.ApplyFaults;
import dev.outboxstock.consumer.ledger.CommittedOffsets;
import dev.outboxstock.consumer.ledger.Deliveries;
import dev.outboxstock.consumer.ledger.Deliveries.Delivered;
import dev.outboxstock.consumer.ledger.LedgerEntries;
import dev.outboxstock.consumer.ledger.LedgerTestBase;
import dev.outboxstock.consumer.ledger.LedgerTestResource;
import dev.outboxstock.consumer.ledger.LedgerTopics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Shutdown while a batch is being retried: the batch is left unacknowledged, so its offsets are not committed, and the
 * partition's next owner (a second consumer of the group, the successor channel) receives its records again and
 * applies each once. The application here stops consuming for good, so it is an application of its own (a profile).
 */
@QuarkusTest
@LedgerTestResource
@TestProfile(ShutdownMidBatchTest.OwnApplication.class)
class ShutdownMidBatchTest extends LedgerTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final TopicPartition HANDOVER = new TopicPartition(LedgerTopics.HANDOVER, 0);
    private static final String GROUP = "handover";

    /** No setting of its own: a profile only so that this test gets an application it may stop. */
    public static class OwnApplication implements QuarkusTestProfile {}

    @Inject
    ApplyFaults faults;

    @Inject
    Deliveries deliveries;

    @Inject
    Event<ShutdownEvent> shutdown;

    @Inject
    KafkaClientService kafkaClients;

    @Inject
    ChannelRegistry channels;

    @Test
    void aBatchInterruptedByShutdownIsNotCommittedAndItsNextOwnerAppliesEachRecordOnce() {
        String account = "handover-" + UUID.randomUUID();
        RecordMetadata before = entries.postAcknowledged(LedgerTopics.HANDOVER, UUID.randomUUID(), account, 1);
        await().atMost(TIMEOUT).until(() -> committed() > before.offset());

        faults.failUntilCured();
        List<Future<RecordMetadata>> batch = IntStream.range(0, 5)
                .mapToObj(i -> entries.post(LedgerTopics.HANDOVER, UUID.randomUUID(), account, 2 + i))
                .toList();
        entries.flush();
        long first = LedgerEntries.offsetOf(batch.get(0));
        long last = LedgerEntries.offsetOf(batch.get(batch.size() - 1));
        int failedBefore = faults.failed();
        await().atMost(TIMEOUT).until(() -> faults.failed() >= failedBefore + 3);

        // What Quarkus does when it stops: the shutdown event first (the retry gives up on it), then each consumer
        // leaves its group, its partitions revoked (the throttled strategy commits what was acknowledged).
        shutdown.fire(new ShutdownEvent());
        awaitNoMoreTries();
        kafkaClients
                .getConsumer(LedgerTopics.HANDOVER)
                .runOnPollingThread((java.util.function.Consumer<Consumer<Object, Object>>) Consumer::unsubscribe)
                .await()
                .atMost(TIMEOUT);

        assertThat(committed())
                .as("the interrupted batch's offsets were not committed")
                .isEqualTo(first);
        assertThat(database.lines(account)).isEqualTo(1);

        faults.cure();
        channels.getPausable(LedgerTopics.HANDOVER_SUCCESSOR).resume();

        await().atMost(TIMEOUT).until(() -> database.lines(account) == 1 + batch.size());
        assertThat(database.amountsInAppliedOrder(account)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(deliveries.batchesOf(LedgerTopics.HANDOVER_SUCCESSOR).stream()
                        .flatMap(List::stream)
                        .map(Delivered::offset))
                .as("the successor received the interrupted batch again, from its first record")
                .startsWith(first)
                .contains(last);
        await().atMost(TIMEOUT).until(() -> committed() > last);
    }

    /** Waits until the interrupted batch is tried no more: the retry stopped once the application was stopping. */
    private void awaitNoMoreTries() {
        int[] seen = {faults.failed()};
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(2)).until(() -> {
            int now = faults.failed();
            boolean stopped = now == seen[0];
            seen[0] = now;
            return stopped;
        });
    }

    private long committed() {
        return CommittedOffsets.of(bootstrapServers(), GROUP, HANDOVER).orElse(-1L);
    }
}
