package dev.outboxstock.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.consumer.ledger.Deliveries;
import dev.outboxstock.consumer.ledger.Deliveries.Delivered;
import dev.outboxstock.consumer.ledger.LedgerTestBase;
import dev.outboxstock.consumer.ledger.LedgerTestResource;
import dev.outboxstock.consumer.ledger.LedgerTopics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A poll's records applied in one transaction, in offset order per partition; each event id takes effect once. */
@QuarkusTest
@LedgerTestResource
class RecordHandlingTest extends LedgerTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    Deliveries deliveries;

    @Test
    void eachPollIsAppliedInOneTransactionInOffsetOrderPerPartition() {
        List<String> accounts = List.of(account("burst"), account("burst"), account("burst"));
        int perAccount = 60;
        for (int i = 0; i < perAccount; i++) {
            accounts.forEach(account -> entries.post(LedgerTopics.ENTRIES, UUID.randomUUID(), account, 1));
        }
        entries.flush();

        accounts.forEach(account -> awaitLines(account, perAccount));
        for (String account : accounts) {
            List<Long> applied = database.offsetsInAppliedOrder(account);
            assertThat(applied).as("%s's lines in the order written", account).isSorted();
            assertThat(new HashSet<>(applied)).hasSize(perAccount);
        }
        List<List<Object>> lines = database.query(
                "SELECT transaction_id, source_partition, source_offset FROM ledger_line WHERE account = ANY(?)",
                (Object) accounts.toArray(String[]::new));
        Set<Set<Delivered>> byTransaction = lines.stream()
                .collect(Collectors.groupingBy(
                        line -> line.get(0),
                        Collectors.mapping(
                                line -> new Delivered(
                                        ((Number) line.get(1)).intValue(), ((Number) line.get(2)).longValue()),
                                Collectors.toSet())))
                .values()
                .stream()
                .collect(Collectors.toSet());
        Set<Delivered> ours = byTransaction.stream().flatMap(Set::stream).collect(Collectors.toSet());
        Set<Set<Delivered>> byPoll = deliveries.batchesOf(LedgerTopics.ENTRIES).stream()
                .map(batch -> batch.stream().filter(ours::contains).collect(Collectors.toSet()))
                .filter(batch -> !batch.isEmpty())
                .collect(Collectors.toSet());
        assertThat(byTransaction)
                .as("the lines each transaction wrote are the records of one poll")
                .isEqualTo(byPoll);
        assertThat(byPoll.size()).as("polls for %d records", ours.size()).isLessThan(ours.size() / 4);
    }

    @Test
    void aCopyInTheSameBatchTakesNoEffect() {
        String account = account("copy");
        UUID twice = UUID.randomUUID();
        entries.post(LedgerTopics.ENTRIES, twice, account, 5);
        entries.post(LedgerTopics.ENTRIES, twice, account, 5);
        entries.post(LedgerTopics.ENTRIES, UUID.randomUUID(), account, 7);
        entries.flush();

        awaitLines(account, 2);
        assertThat(database.query("SELECT amount FROM ledger_line WHERE account = ? ORDER BY applied_order", account))
                .containsExactly(List.of(5), List.of(7));
        assertThat(database.number("SELECT source_offset FROM ledger_line WHERE event_id = ?", twice))
                .as("the first copy is the one applied")
                .isEqualTo(database.number("SELECT min(source_offset) FROM ledger_line WHERE account = ?", account));
        assertThat(sameTransaction(account)).as("both copies came in one poll").isTrue();
        assertThat(deadLettered(account)).as("the copy was not dead-lettered").isFalse();
    }

    @Test
    void anEventDeliveredAgainLaterTakesNoEffect() {
        String account = account("again");
        UUID event = UUID.randomUUID();
        entries.postAcknowledged(LedgerTopics.ENTRIES, event, account, 3);
        awaitLines(account, 1);

        entries.postAcknowledged(LedgerTopics.ENTRIES, event, account, 3);
        UUID after = UUID.randomUUID();
        entries.postAcknowledged(LedgerTopics.ENTRIES, after, account, 4);
        await().atMost(TIMEOUT).until(() -> database.processed(after));

        assertThat(database.amountsInAppliedOrder(account))
                .as("the copy, read before the entry after it on the same partition, changed nothing")
                .containsExactly(3, 4);
        assertThat(deadLettered(account)).as("nor was it dead-lettered").isFalse();
    }

    private boolean sameTransaction(String account) {
        return database.transactions(account) == 1;
    }

    private void awaitLines(String account, int count) {
        await().atMost(TIMEOUT).until(() -> database.lines(account) >= count);
    }

    private static String account(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
