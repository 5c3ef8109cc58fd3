package dev.outboxstock.relay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.relay.testing.BackgroundOutboxWriter;
import dev.outboxstock.relay.testing.InProcessRelay;
import dev.outboxstock.relay.testing.RelayedEvents;
import dev.outboxstock.relay.testing.SourceSessions;
import dev.outboxstock.relay.testing.WrittenRow;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The relay rides out a Kafka outage, a PostgreSQL restart and the loss of its lock session without losing a row or
 * reordering a key.
 */
@QuarkusTest
@RelayTestResource
class RelayOutageTest {

    private static final Logger LOG = Logger.getLogger(RelayOutageTest.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int KEYS = 20;

    @InjectLocalStack
    LocalStack stack;

    @Test
    void keepsRetryingWhileKafkaIsDownReportsNotReadyAndLosesNothing() throws Exception {
        relaysWithoutLossAcross("Kafka outage", () -> {
            stack.kafka().orElseThrow().stop();
            try {
                List<WrittenRow> committedDuring = commit(10);
                await().atMost(TIMEOUT)
                        .untilAsserted(() -> given().when()
                                .get("/q/health/ready")
                                .then()
                                .statusCode(503)
                                .body("checks[0].data.kafka", notNullValue()));
                return committedDuring;
            } finally {
                stack.kafka().orElseThrow().restart();
            }
        });
    }

    /**
     * Rows committed an instant before the stop (in the WAL, most likely neither relayed nor covered by the stored
     * position) and right after the start, while the relay is still reconnecting (no engine reads the slot), are
     * relayed once it streams again.
     */
    @Test
    void reconnectsAfterPostgresRestartsAndLosesNothing() throws Exception {
        relaysWithoutLossAcross("PostgreSQL restart", () -> {
            List<WrittenRow> committedAround = new ArrayList<>(commit(5));
            stack.postgres().orElseThrow().stop();
            stack.postgres().orElseThrow().start();
            committedAround.addAll(commit(5));
            assertThat(sessions().slotReader())
                    .as("the relay was still reconnecting when the rows were committed")
                    .isEmpty();
            return committedAround;
        });
    }

    @Test
    void stopsStreamingWhenItLosesItsLockSessionAndStreamsAgainOnceItRetakesTheLock() throws Exception {
        // The engine reports streaming a moment before its replication connection reads the slot.
        int streamingBefore = await().atMost(TIMEOUT)
                .until(sessions()::slotReader, Optional::isPresent)
                .orElseThrow();
        List<WrittenRow> rows = new ArrayList<>(commit(5));

        sessions().terminate(sessions().session(SourceSessions.STREAMING_LOCK).orElseThrow());

        // Another backend reads the slot: the relay stopped its engine and started a new one with the lock.
        await().atMost(TIMEOUT)
                .until(() -> sessions()
                        .slotReader()
                        .filter(pid -> pid != streamingBefore)
                        .isPresent());
        InProcessRelay.awaitStreaming(TIMEOUT);
        rows.addAll(commit(5));
        assertRelayedWithoutLossInCommitOrderPerKey("Lock session lost", rows);
    }

    /**
     * An engine that stopped by itself (its replication session ended; it never retries inside) ends the term at
     * once: the lock goes with it, rather than after {@code relay.stop-timeout} (20 s) of waiting for an engine that
     * is no longer there, and the relay streams again.
     */
    @Test
    void endsItsTermWithinASecondOnceItsEngineStoppedByItself() throws Exception {
        InProcessRelay.awaitStreaming(TIMEOUT);
        int reader = await().atMost(TIMEOUT)
                .until(sessions()::slotReader, Optional::isPresent)
                .orElseThrow();
        int lock = sessions().session(SourceSessions.STREAMING_LOCK).orElseThrow();

        sessions().terminate(reader);
        long engineStopped =
                firstTime(() -> !"STREAMING".equals(InProcessRelay.readiness().getString("checks[0].data.engine")));
        long lockReleased = firstTime(
                () -> !sessions().session(SourceSessions.STREAMING_LOCK).equals(Optional.of(lock)));

        Duration held = Duration.ofNanos(lockReleased - engineStopped);
        LOG.infof("The lock was released %d ms after the engine stopped by itself", held.toMillis());
        assertThat(held).isLessThan(Duration.ofSeconds(1));
        InProcessRelay.awaitStreaming(TIMEOUT);
        assertRelayedWithoutLossInCommitOrderPerKey("Engine stopped by itself", commit(5));
    }

    /** Something that happens to the relay's surroundings; what it commits while it lasts, in commit order. */
    @FunctionalInterface
    private interface Disruption {
        List<WrittenRow> rowsCommittedDuring() throws Exception;
    }

    /**
     * Rows committed before, during and after the disruption all reach Kafka, in commit order per key, and the relay
     * streams again afterwards.
     */
    private void relaysWithoutLossAcross(String name, Disruption disruption) throws Exception {
        InProcessRelay.awaitStreaming(TIMEOUT);
        List<WrittenRow> rows = new ArrayList<>(commit(10));
        rows.addAll(disruption.rowsCommittedDuring());
        rows.addAll(commit(10));

        assertRelayedWithoutLossInCommitOrderPerKey(name, rows);
        InProcessRelay.awaitStreaming(TIMEOUT);
    }

    private SourceSessions sessions() {
        return new SourceSessions(stack.postgres().orElseThrow());
    }

    /** When {@code condition} first held, polled every 20 ms: {@link System#nanoTime()}. */
    private static long firstTime(Callable<Boolean> condition) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(condition);
        return System.nanoTime();
    }

    /** Commits {@code transactions} transactions of 50 rows for a few keys; returns the rows in commit order. */
    private List<WrittenRow> commit(int transactions) {
        return BackgroundOutboxWriter.start(stack.postgres().orElseThrow(), transactions, 50, KEYS, 0)
                .awaitCommitted();
    }

    private void assertRelayedWithoutLossInCommitOrderPerKey(String disruption, List<WrittenRow> rows) {
        RelayedEvents relayed =
                RelayedEvents.awaitAll(stack.kafka().orElseThrow().bootstrapServers(), StockTopic.NAME, rows, TIMEOUT);
        relayed.assertFirstOccurrencesInCommitOrderPerKey(rows);
        LOG.infof(
                "%s: %d rows, %d records on Kafka, %d duplicates",
                disruption, rows.size(), relayed.records().size(), relayed.duplicates());
    }
}
