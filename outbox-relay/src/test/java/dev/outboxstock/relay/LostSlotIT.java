package dev.outboxstock.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.localstack.testing.LostSlots;
import dev.outboxstock.localstack.testing.TestDatabase;
import dev.outboxstock.relay.testing.BackgroundOutboxWriter;
import dev.outboxstock.relay.testing.RelayProcess;
import dev.outboxstock.relay.testing.RelaySchema;
import dev.outboxstock.relay.testing.RelayedEvents;
import dev.outboxstock.relay.testing.WrittenRow;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL invalidated the relay's slot while the relay was down (it held more WAL than max_slot_wal_keep_size
 * allows). The relay streams again from a new slot, and says from when the events it missed must be published again.
 */
class LostSlotIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern REPUBLISH = Pattern.compile("outbox_republish\\('([^']+)'\\)");

    @Test
    void aLostSlotIsReplacedAndTheRelaySaysFromWhenToPublishAgain() throws IOException {
        try (LocalStack stack = LocalStack.builder().databases("orders").start()) {
            RelaySchema.createIn(stack);
            TestDatabase database = new TestDatabase(stack, "orders");
            ServiceProcess relay = RelayProcess.start(stack, "relay-before-loss");
            await().atMost(TIMEOUT).until(() -> RelayProcess.state(relay).equals("ACTIVE/STREAMING"));
            relayedWithin(stack, commit(stack));
            relay.kill();

            List<WrittenRow> missed = commit(stack);
            LostSlots.invalidate(database, "outbox_slot");
            ServiceProcess restarted = RelayProcess.start(stack, "relay-after-loss");
            await().atMost(TIMEOUT).until(() -> RelayProcess.state(restarted).equals("ACTIVE/STREAMING"));
            relayedWithin(stack, commit(stack));

            Matcher command = REPUBLISH.matcher(Files.readString(restarted.logFile()));
            assertThat(command.find()).as("the republish command in the log").isTrue();
            Timestamp firstMissed =
                    (Timestamp) database.query("SELECT min(created_at) FROM outbox_event WHERE id = ANY (?)", (Object)
                                    missed.stream().map(WrittenRow::id).toArray(java.util.UUID[]::new))
                            .get(0)
                            .get(0);
            assertThat(Instant.parse(command.group(1))).isBefore(firstMissed.toInstant());
            assertThat(RelayProcess.metric(restarted, "relay_slot_recreated_total"))
                    .isEqualTo(1.0);
            assertThat(RelayProcess.metric(restarted, "relay_slot_lost")).isZero();
        }
    }

    private static List<WrittenRow> commit(LocalStack stack) {
        return BackgroundOutboxWriter.start(stack.postgres().orElseThrow(), 5, 20, 5, 0)
                .awaitCommitted();
    }

    private static void relayedWithin(LocalStack stack, List<WrittenRow> rows) {
        RelayedEvents.awaitAll(stack.kafka().orElseThrow().bootstrapServers(), StockTopic.NAME, rows, TIMEOUT)
                .assertFirstOccurrencesInCommitOrderPerKey(rows);
    }
}
