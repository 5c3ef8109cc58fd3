package dev.outboxstock.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.console.OperationsTestResource;
import dev.outboxstock.console.deadletter.DeadLetterFilter;
import dev.outboxstock.console.deadletter.NewDeadLetter;
import dev.outboxstock.console.deadletter.RecordBytes;
import dev.outboxstock.console.deadletter.RecordHeader;
import dev.outboxstock.contract.StockTopic;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@OperationsTestResource
class DeadLetterIndexTest {

    @Inject
    DeadLetterIndex index;

    @Inject
    RedriveService redrive;

    @Test
    void aRecordReadTwiceIsIndexedOnce() {
        String key = "twice-" + UUID.randomUUID();
        NewDeadLetter record = new NewDeadLetter(
                StockTopic.DEAD_LETTER,
                0,
                1_000_000L + (System.nanoTime() % 1_000_000L),
                Optional.of(key),
                Optional.of("{}"),
                List.of(new RecordHeader("dead-letter-reason", "read twice")),
                Optional.of("read twice"),
                Optional.of(StockTopic.NAME),
                Optional.of(0),
                Optional.of(1L),
                Optional.empty(),
                Optional.empty(),
                Instant.now(),
                new RecordBytes(key.getBytes(StandardCharsets.UTF_8), new byte[] {'{', '}'}, new byte[4]));

        index.add(record);
        index.add(record);

        DeadLetterFilter byKey = new DeadLetterFilter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(key),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        assertThat(redrive.list(byKey, 0, 10).total()).isEqualTo(1);
    }
}
