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
import dev.outboxstock.relay.testing.WrittenRow;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    @Test
    void reconnectsAfterPostgresRestartsAndLosesNothing() throws Exception {
        relaysWithoutLossAcross("PostgreSQL restart", () -> {
            stack.postgres().orElseThrow().stop();
            stack.postgres().orElseThrow().start();
            return List.of();
        });
    }

    @Test
    void stopsStreamingWhenItLosesItsLockSessionAndStreamsAgainOnceItRetakesTheLock() throws Exception {
        // The engine reports streaming a moment before its replication connection reads the slot.
        int streamingBefore = await().atMost(TIMEOUT)
                .until(this::slotReaderPid, Optional::isPresent)
                .orElseThrow();
        List<WrittenRow> rows = new ArrayList<>(commit(5));

        terminateBackendsOf("outbox-relay streaming lock");

        // Another backend reads the slot: the relay stopped its engine and started a new one with the lock.
        await().atMost(TIMEOUT)
                .until(() ->
                        slotReaderPid().filter(pid -> pid != streamingBefore).isPresent());
        InProcessRelay.awaitStreaming(TIMEOUT);
        rows.addAll(commit(5));
        assertRelayedWithoutLossInCommitOrderPerKey("Lock session lost", rows);
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

    /** The backend streaming the slot: another one once the relay stopped its engine and started a new one. */
    private Optional<Integer> slotReaderPid() throws Exception {
        try (Connection connection = stack.postgres().orElseThrow().connect("orders");
                Statement statement = connection.createStatement();
                ResultSet slot = statement.executeQuery(
                        "SELECT active_pid FROM pg_replication_slots WHERE slot_name = 'outbox_slot' AND active")) {
            return slot.next() ? Optional.of(slot.getInt(1)) : Optional.empty();
        }
    }

    private void terminateBackendsOf(String applicationName) throws Exception {
        try (Connection connection = stack.postgres().orElseThrow().connect("orders");
                PreparedStatement terminate = connection.prepareStatement(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
            terminate.setString(1, applicationName);
            try (ResultSet terminated = terminate.executeQuery()) {
                terminated.next();
                assertThat(terminated.getInt(1)).isEqualTo(1);
            }
        }
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
