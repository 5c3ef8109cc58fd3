package dev.outboxstock.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.relay.testing.BackgroundOutboxWriter;
import dev.outboxstock.relay.testing.RelayProcess;
import dev.outboxstock.relay.testing.RelaySchema;
import dev.outboxstock.relay.testing.RelayedEvents;
import dev.outboxstock.relay.testing.WrittenRow;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relay as its own process, killed with SIGKILL mid-stream or stopped gracefully, then started again. */
class RelayCrashIT {

    private static final Logger LOG = Logger.getLogger(RelayCrashIT.class);

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.builder().databases("orders").start();
        RelaySchema.createIn(stack);
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void killedMidStreamAndRestartedItRelaysEveryRowAtLeastOnceInCommitOrderPerKey() {
        ServiceProcess relay = RelayProcess.start(stack, "relay-before-kill");
        await().atMost(TIMEOUT).until(() -> RelayProcess.state(relay).equals("ACTIVE/STREAMING"));
        BackgroundOutboxWriter writer =
                BackgroundOutboxWriter.start(stack.postgres().orElseThrow(), 400, 50, 100, 5);

        await().atMost(TIMEOUT).until(() -> RelayProcess.relayed(relay) >= 5_000);
        relay.kill();
        int committedAtKill = writer.committedSoFar();
        ServiceProcess restarted = RelayProcess.start(stack, "relay-after-kill");
        List<WrittenRow> rows = writer.awaitCommitted();

        RelayedEvents relayed = RelayedEvents.awaitAll(bootstrapServers(), StockTopic.NAME, rows, TIMEOUT);

        assertThat(rows).hasSize(20_000);
        relayed.assertFirstOccurrencesInCommitOrderPerKey(rows);
        LOG.infof(
                "kill -9 at %d committed rows: %d rows, %d records on Kafka, %d duplicates",
                committedAtKill, rows.size(), relayed.records().size(), relayed.duplicates());
        restarted.close();
    }

    @Test
    void stoppedGracefullyItStoresItsPositionSoARestartSendsNoDuplicate() {
        ServiceProcess relay = RelayProcess.start(stack, "relay-before-stop");
        await().atMost(TIMEOUT).until(() -> RelayProcess.state(relay).equals("ACTIVE/STREAMING"));
        List<WrittenRow> before = BackgroundOutboxWriter.start(stack.postgres().orElseThrow(), 20, 50, 10, 0)
                .awaitCommitted();
        RelayedEvents.awaitAll(bootstrapServers(), StockTopic.NAME, before, TIMEOUT);
        relay.close();

        ServiceProcess restarted = RelayProcess.start(stack, "relay-after-stop");
        List<WrittenRow> after = BackgroundOutboxWriter.start(stack.postgres().orElseThrow(), 1, 10, 10, 0)
                .awaitCommitted();
        RelayedEvents.awaitAll(bootstrapServers(), StockTopic.NAME, after, TIMEOUT);

        RelayedEvents relayed = RelayedEvents.awaitAll(bootstrapServers(), StockTopic.NAME, before, TIMEOUT);
        assertThat(relayed.duplicates()).isZero();
        restarted.close();
    }

    private static String bootstrapServers() {
        return stack.kafka().orElseThrow().bootstrapServers();
    }
}
