package dev.outboxstock.consumer.ledger;

import dev.outboxstock.consumer.InboxReadinessCheck;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.localstack.testing.TopicReader;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What a test of the library over the ledger test application needs: the stack, a producer of ledger entries and
 * direct reads of the database. Subclasses are {@code @QuarkusTest @LedgerTestResource}.
 */
public abstract class LedgerTestBase {

    @InjectLocalStack
    protected LocalStack stack;

    @Inject
    @Readiness
    InboxReadinessCheck readiness;

    protected LedgerEntries entries;
    protected LedgerDatabase database;

    @BeforeEach
    void connect() {
        entries = new LedgerEntries(bootstrapServers());
        database = new LedgerDatabase(stack);
    }

    @AfterEach
    void disconnect() {
        entries.close();
    }

    protected String bootstrapServers() {
        return stack.kafka().orElseThrow().bootstrapServers();
    }

    /**
     * Whether the readiness check names the partition ({@code topic-partition}) as waiting too long; the check is DOWN
     * then. Other partitions do not count: a test that failed may have left one waiting.
     */
    protected boolean notReadyFor(String partition) {
        HealthCheckResponse response = readiness.call();
        return response.getStatus() == HealthCheckResponse.Status.DOWN
                && response.getData().orElse(Map.of()).containsKey(partition);
    }

    /** Whether a record of the account is on the ledger's dead-letter topic now. */
    protected boolean deadLettered(String account) {
        return TopicReader.readToEnd(bootstrapServers(), LedgerTopics.DEAD_LETTER).stream()
                .anyMatch(deadLetter -> account.equals(deadLetter.key()));
    }
}
