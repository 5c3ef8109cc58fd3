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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
    /** How many rows the writer had committed when the standby relayed its first record. */
    private int committedAtTakeover;

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

        RelayedEvents relayed = awaitEveryRowInCommitOrderPerKey(List.of());
        LOG.infof(
                "Failover: the standby relayed its first record %d ms after kill -9 of the active replica; %d rows, %d duplicates",
                takeover.toMillis(), relayed.records().size(), relayed.duplicates());
        assertThat(Stream.of(first, second).filter(ServiceProcess::isAlive)).containsExactly(standby);
    }

    /**
     * Its lock's session times out (RelayProcess sets 3 s); Kafka fences the producer it still has. Once it wakes, it
     * commits nothing more: what it still had in hand is never seen by a consumer reading committed records.
     */
    @Test
    void aFrozenActiveReplicaIsReplacedWithinSecondsAndStandsDownWhenItWakes() {
        active.pause();
        Duration takeover = awaitTakeover();
        // Instead of sleeping: the new streamer relays rows committed after it took over, before the frozen one
        // wakes. Anything the woken one could still commit would come after those, where no replay belongs.
        List<WrittenRow> committedAfterTakeover = BackgroundOutboxWriter.start(
                        stack.postgres().orElseThrow(), 10, 25, 10, 0)
                .awaitCommitted();
        RelayedEvents.awaitAll(bootstrapServers(), StockTopic.NAME, committedAfterTakeover, TIMEOUT);
        active.resume();

        await().atMost(TIMEOUT).until(() -> RelayProcess.state(active).startsWith("STANDBY/"));
        assertThat(RelayProcess.state(standby)).isEqualTo("ACTIVE/STREAMING");
        RelayedEvents relayed = awaitEveryRowInCommitOrderPerKey(committedAfterTakeover);
        relayed.assertNoCopyAfterTheFirstOf(committedAfterTakeover);
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
        committedAtTakeover = writer.committedSoFar();
        Duration takeover = Duration.ofNanos(System.nanoTime() - faultAt);
        assertThat(RelayProcess.state(standby)).isEqualTo("ACTIVE/STREAMING");
        return takeover;
    }

    /**
     * Every row of the writer's and of {@code later} (committed after the takeover, with keys of their own) on the
     * topic, first copies in commit order per key; copies only of the writer's rows committed before the takeover
     * (what the former streamer had committed since its last stored position), and at most one copy each.
     */
    private RelayedEvents awaitEveryRowInCommitOrderPerKey(List<WrittenRow> later) {
        List<WrittenRow> rows = writer.awaitCommitted();
        List<WrittenRow> all = new ArrayList<>(rows);
        all.addAll(later);
        RelayedEvents relayed = RelayedEvents.awaitAll(bootstrapServers(), StockTopic.NAME, all, TIMEOUT);
        relayed.assertFirstOccurrencesInCommitOrderPerKey(rows);
        relayed.assertFirstOccurrencesInCommitOrderPerKey(later);
        assertThat(relayed.mostCopiesOfAnEvent()).isLessThanOrEqualTo(2);
        Set<String> committedBeforeTakeover = rows.subList(0, committedAtTakeover).stream()
                .map(row -> row.id().toString())
                .collect(Collectors.toSet());
        assertThat(relayed.duplicatedEventIds()).isSubsetOf(committedBeforeTakeover);
        return relayed;
    }

    private String bootstrapServers() {
        return stack.kafka().orElseThrow().bootstrapServers();
    }
}
