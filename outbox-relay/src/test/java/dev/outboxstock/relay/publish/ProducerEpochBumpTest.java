package dev.outboxstock.relay.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.relay.RelayTestResource;
import dev.outboxstock.relay.testing.BackgroundOutboxWriter;
import dev.outboxstock.relay.testing.InProcessRelay;
import dev.outboxstock.relay.testing.RelayedEvents;
import dev.outboxstock.relay.testing.SourceSessions;
import dev.outboxstock.relay.testing.WrittenRow;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Kafka bumps the epoch of the relay's transactional id while the relay still holds its streaming lock: what the
 * transaction coordinator does when it aborts a transaction that outlasted {@code transaction.timeout.ms} (a slow
 * broker). Here a producer of the test's with the relay's transactional id bumps it, which the relay's producer meets
 * the same way: Kafka refuses its epoch ({@code ProducerFencedException}, or {@code InvalidProducerEpochException}
 * from a partition). Nobody else streams, so the relay sends the batch again with a new producer, in the same term,
 * losing and reordering nothing. Before, it took this for fencing: its engine failed and its term ended, which with two
 * replicas is a failover. (Real fencing, by a replica that took the lock over, is {@code RelayFailoverIT}'s.)
 */
@QuarkusTest
@RelayTestResource
class ProducerEpochBumpTest {

    private static final Logger LOG = Logger.getLogger(ProducerEpochBumpTest.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String ENGINE_ERRORS = "relay_errors_total{where=\"engine\"}";
    private static final String KAFKA_ERRORS = "relay_errors_total{where=\"kafka\"}";

    @InjectLocalStack
    LocalStack stack;

    @Test
    void aRefusedEpochWhileHoldingTheLockIsSentAgainWithANewProducerInTheSameTerm() throws SQLException {
        InProcessRelay.awaitStreaming(TIMEOUT);
        SourceSessions sessions = new SourceSessions(stack.postgres().orElseThrow());
        List<WrittenRow> rows = new ArrayList<>(commit(5));
        // The relay's producer of this term exists once its first batch is on Kafka.
        RelayedEvents.awaitAll(bootstrapServers(), StockTopic.NAME, rows, TIMEOUT);
        int lock = sessions.session(SourceSessions.STREAMING_LOCK).orElseThrow();
        double engineErrors = InProcessRelay.metric(ENGINE_ERRORS);
        double kafkaErrors = InProcessRelay.metric(KAFKA_ERRORS);

        bumpTheRelaysEpoch();
        rows.addAll(commit(5));

        RelayedEvents relayed = RelayedEvents.awaitAll(bootstrapServers(), StockTopic.NAME, rows, TIMEOUT);
        relayed.assertFirstOccurrencesInCommitOrderPerKey(rows);
        LOG.infof(
                "Epoch bumped: %d rows, %d records on Kafka, %d duplicates",
                rows.size(), relayed.records().size(), relayed.duplicates());
        assertThat(InProcessRelay.metric(KAFKA_ERRORS))
                .as("Kafka refused the relay's producer")
                .isGreaterThan(kafkaErrors);
        assertThat(InProcessRelay.metric(ENGINE_ERRORS))
                .as("the engine never stopped")
                .isEqualTo(engineErrors);
        assertThat(sessions.session(SourceSessions.STREAMING_LOCK))
                .as("the same term: the lock's session was never given up")
                .contains(lock);
        assertThat(InProcessRelay.readiness().getString("checks[0].data.engine"))
                .isEqualTo("STREAMING");
    }

    /** Initialises transactions under the relay's transactional id: its epoch goes up, as a coordinator's abort does. */
    private void bumpTheRelaysEpoch() {
        try (KafkaProducer<String, String> bump = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "outbox-relay",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            bump.initTransactions();
        }
    }

    private String bootstrapServers() {
        return stack.kafka().orElseThrow().bootstrapServers();
    }

    /** Commits {@code transactions} transactions of 20 rows for a few keys; returns the rows in commit order. */
    private List<WrittenRow> commit(int transactions) {
        return BackgroundOutboxWriter.start(stack.postgres().orElseThrow(), transactions, 20, 5, 0)
                .awaitCommitted();
    }
}
