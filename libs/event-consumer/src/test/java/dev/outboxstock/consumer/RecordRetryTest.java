package dev.outboxstock.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.consumer.ledger.ApplyFaults;
import dev.outboxstock.consumer.ledger.LedgerTestBase;
import dev.outboxstock.consumer.ledger.LedgerTestResource;
import dev.outboxstock.consumer.ledger.LedgerTopics;
import dev.outboxstock.localstack.PostgresServer;
import dev.outboxstock.localstack.testing.KeyPartition;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failure that may go away is retried in place with backoff: the partition waits, keeping its order, the readiness
 * check names it once it waited longer than {@code inbox.retry.not-ready-after} (1 s here), and the batch applies once
 * the cause is gone, nothing dead-lettered.
 */
@QuarkusTest
@LedgerTestResource
class RecordRetryTest extends LedgerTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    ApplyFaults faults;

    @AfterEach
    void cure() {
        faults.cure();
    }

    @Test
    void aTransientFailureIsRetriedInPlaceWhileReadinessNamesThePartitionThenTheBatchAppliesOnce() {
        String account = "transient-" + UUID.randomUUID();
        // 50 + 100 + 200 + 400 ms x 9: about 4 s of failures, longer than the 1 s after which readiness says so.
        int failures = 12;
        faults.failNext(failures);
        int failedBefore = faults.failed();
        post(account, 10);

        await().atMost(TIMEOUT).until(() -> notReadyFor(partitionOf(account)));
        assertThat(database.lines(account)).as("nothing applied while failing").isZero();
        post(account, 10);

        await().atMost(TIMEOUT).until(() -> database.lines(account) == 20);
        assertThat(faults.failed() - failedBefore).isEqualTo(failures);
        assertThat(database.offsetsInAppliedOrder(account))
                .as("the records that arrived while the partition waited came after it, in order")
                .isSorted();
        assertThat(notReadyFor(partitionOf(account))).isFalse();
        assertThat(deadLettered(account)).isFalse();
    }

    @Test
    void theDatabaseAwayIsWaitedForAndTheRecordsApplyOnceItIsBack() {
        String account = "outage-" + UUID.randomUUID();
        PostgresServer postgres = stack.postgres().orElseThrow();
        postgres.stop();
        try {
            post(account, 5);
            await().atMost(TIMEOUT).until(() -> notReadyFor(partitionOf(account)));
        } finally {
            postgres.start();
        }

        await().atMost(TIMEOUT).until(() -> database.lines(account) == 5);
        assertThat(database.offsetsInAppliedOrder(account)).isSorted();
        await().atMost(TIMEOUT).until(() -> !notReadyFor(partitionOf(account)));
        assertThat(deadLettered(account)).isFalse();
    }

    private void post(String account, int count) {
        IntStream.range(0, count).forEach(i -> entries.post(LedgerTopics.ENTRIES, UUID.randomUUID(), account, i + 1));
        entries.flush();
    }

    /** The partition of the ledger's topic that the account's entries go to, as the readiness check names it. */
    private static String partitionOf(String account) {
        return LedgerTopics.ENTRIES + "-" + KeyPartition.of(account, LedgerTopics.ENTRIES_PARTITIONS);
    }
}
