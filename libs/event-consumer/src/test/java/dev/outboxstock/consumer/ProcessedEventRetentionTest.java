package dev.outboxstock.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.consumer.ledger.LedgerDatabase;
import dev.outboxstock.consumer.ledger.LedgerTestBase;
import dev.outboxstock.consumer.ledger.LedgerTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Ids past the retention period (7 days here) are forgotten, several statements' worth; recent ones are kept. */
@QuarkusTest
@LedgerTestResource
class ProcessedEventRetentionTest extends LedgerTestBase {

    @Inject
    ProcessedEventRetention retention;

    @Test
    void idsOlderThanThePeriodAreForgottenAndRecentOnesKept() {
        // More than one statement's worth (inbox.retention.batch-size=3), so the sweep must go on until none is left.
        List<UUID> old = processedDaysAgo(database, 7, 8);
        List<UUID> recent = processedDaysAgo(database, 2, 6);

        retention.sweep();

        assertThat(old).noneMatch(database::processed);
        assertThat(recent).allMatch(database::processed);
    }

    private static List<UUID> processedDaysAgo(LedgerDatabase database, int count, int days) {
        List<UUID> ids =
                IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
        ids.forEach(id -> database.execute("INSERT INTO processed_event"
                + " (event_id, event_type, source_partition, source_offset, processed_at) VALUES ('" + id
                + "', 'LedgerEntryPosted', 0, 0, now() - interval '" + days + " days')"));
        return ids;
    }
}
