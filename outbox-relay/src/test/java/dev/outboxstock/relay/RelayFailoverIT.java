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
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas against one database: one streams, the other stands by and takes over when the first dies, or
 * freezes (a long GC pause, SIGSTOP) and so keeps its connections open; a frozen one that wakes stands down without
 * sending anything out of order.
 */
class RelayFailoverIT {

    private static final Logger LOG = Logger.getLogger(RelayFailoverIT.class);

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** A bound for the test, not a speed target: "within seconds", with room for a loaded build machine. */
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(30);

    private LocalStack stack;
    private ServiceProcess first;
    private ServiceProcess second;
    private ServiceProcess active;
    private ServiceProcess standby;
    private BackgroundOutboxWriter writer;

    @BeforeEach
    void startTwoReplicasUnderLoad() {
        stack = LocalStack.builder().databases("orders").start();
        RelaySchema.createIn(stack);
        first = RelayProcess.start(stack, "relay-replica-1");
        second = RelayProcess.start(stack, "relay-replica-2");
        await().atMost(TIMEOUT).until(() -> RelayProcess.active(first, second).isPresent());
        active = RelayProcess.active(first, second).orElseThrow();
        standby = active == first ? second : first;
        assertThat(RelayProcess.state(standby)).isEqualTo("STANDBY/STOPPED");
        writer = BackgroundOutboxWriter.start(stack.postgres().orElseThrow(), 400, 25, 50, 10);
        await().atMost(TIMEOUT).until(() -> RelayProcess.relayed(active) >= 1_000);
    }

    @AfterEach
    void stopStack() {
        stack.close();
    }

    @Test
    void theStandbyTakesOverWithinSecondsAfterTheActiveReplicaIsKilledAndNothingIsLost() {
        active.kill();
        Duration takeover = awaitTakeover();

        RelayedEvents relayed = awaitEveryRowInCommitOrderPerKey();
        LOG.infof(
                "Failover: the standby relayed its first record %d ms after kill -9 of the active replica; %d rows, %d duplicates",
                takeover.toMillis(), relayed.records().size(), relayed.duplicates());
        assertThat(Stream.of(first, second).filter(ServiceProcess::isAlive)).containsExactly(standby);
    }

    /** Its lock's session times out (RelayProcess sets 3 s); Kafka fences the producer it still has. */
    @Test
    void aFrozenActiveReplicaIsReplacedWithinSecondsAndStandsDownWhenItWakes() throws InterruptedException {
        active.pause();
        Duration takeover = awaitTakeover();
        Thread.sleep(5_000);
        active.resume();

        await().atMost(TIMEOUT).until(() -> RelayProcess.state(active).startsWith("STANDBY/"));
        assertThat(RelayProcess.state(standby)).isEqualTo("ACTIVE/STREAMING");
        RelayedEvents relayed = awaitEveryRowInCommitOrderPerKey();
        LOG.infof(
                "Frozen streamer: the standby relayed its first record %d ms after SIGSTOP; %d rows, %d duplicates",
                takeover.toMillis(), relayed.records().size(), relayed.duplicates());
    }

    /** Waits until the standby relayed its first record (the writer still writes); returns how long that took. */
    private Duration awaitTakeover() {
        long faultAt = System.nanoTime();
        await().atMost(TAKEOVER_BOUND)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> RelayProcess.relayed(standby) > 0);
        Duration takeover = Duration.ofNanos(System.nanoTime() - faultAt);
        assertThat(RelayProcess.state(standby)).isEqualTo("ACTIVE/STREAMING");
        return takeover;
    }

    private RelayedEvents awaitEveryRowInCommitOrderPerKey() {
        List<WrittenRow> rows = writer.awaitCommitted();
        RelayedEvents relayed =
                RelayedEvents.awaitAll(stack.kafka().orElseThrow().bootstrapServers(), StockTopic.NAME, rows, TIMEOUT);
        relayed.assertFirstOccurrencesInCommitOrderPerKey(rows);
        return relayed;
    }
}
