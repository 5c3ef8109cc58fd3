package dev.outboxstock.relay;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.localstack.testing.LocalStackTestResource;
import dev.outboxstock.relay.testing.OutboxRow;
import dev.outboxstock.relay.testing.OutboxTable;
import dev.outboxstock.relay.testing.RelaySchema;
import dev.outboxstock.relay.testing.RelayedEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** The relay rides out a Kafka outage and a PostgreSQL restart without losing a row or reordering a key. */
@QuarkusTest
@WithTestResource(
        value = LocalStackTestResource.class,
        initArgs = {
            @ResourceArg(name = LocalStackTestResource.DATABASES, value = "orders"),
            @ResourceArg(name = LocalStackTestResource.INIT_SCRIPT, value = RelaySchema.SCRIPTS)
        })
class RelayOutageTest {

    private static final Logger LOG = Logger.getLogger(RelayOutageTest.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int KEYS = 20;

    @InjectLocalStack
    LocalStack stack;

    @Test
    void keepsRetryingWhileKafkaIsDownReportsNotReadyAndLosesNothing() throws Exception {
        awaitStreaming();
        List<OutboxRow> rows = new ArrayList<>(insertTransactions(10, 50));
        stack.kafka().orElseThrow().stop();
        try {
            rows.addAll(insertTransactions(10, 50));
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> given().when()
                            .get("/q/health/ready")
                            .then()
                            .statusCode(503)
                            .body("checks[0].data.kafka", notNullValue()));
        } finally {
            stack.kafka().orElseThrow().restart();
        }
        rows.addAll(insertTransactions(10, 50));

        assertRelayedWithoutLossInCommitOrderPerKey("Kafka outage", rows);
        awaitStreaming();
    }

    @Test
    void reconnectsAfterPostgresRestartsAndLosesNothing() throws Exception {
        awaitStreaming();
        List<OutboxRow> rows = new ArrayList<>(insertTransactions(10, 50));
        stack.postgres().orElseThrow().stop();
        stack.postgres().orElseThrow().start();
        rows.addAll(insertTransactions(10, 50));

        assertRelayedWithoutLossInCommitOrderPerKey("PostgreSQL restart", rows);
        awaitStreaming();
    }

    private void assertRelayedWithoutLossInCommitOrderPerKey(String disruption, List<OutboxRow> rows) {
        RelayedEvents relayed =
                RelayedEvents.awaitAll(stack.kafka().orElseThrow().bootstrapServers(), StockTopic.NAME, rows, TIMEOUT);
        relayed.assertFirstOccurrencesInCommitOrderPerKey(rows);
        LOG.infof(
                "%s: %d rows, %d records on Kafka, %d duplicates",
                disruption, rows.size(), relayed.records().size(), relayed.duplicates());
    }

    private void awaitStreaming() {
        await().atMost(TIMEOUT)
                .untilAsserted(() -> given().when()
                        .get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("checks[0].data.engine", equalTo("STREAMING")));
    }

    /** Rows for a few keys, committed in {@code transactions} transactions of {@code rowsEach} rows. */
    private List<OutboxRow> insertTransactions(int transactions, int rowsEach) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<OutboxRow> rows = new ArrayList<>();
        try (Connection connection = stack.postgres().orElseThrow().connect("orders")) {
            for (int t = 0; t < transactions; t++) {
                List<OutboxRow> transaction = new ArrayList<>();
                for (int r = 0; r < rowsEach; r++) {
                    transaction.add(OutboxRow.stock(
                            "outage-" + run + "-" + (r % KEYS), "{\"seq\": " + (rows.size() + r) + "}"));
                }
                OutboxTable.insertInOneTransaction(connection, transaction);
                rows.addAll(transaction);
            }
        }
        return rows;
    }
}
