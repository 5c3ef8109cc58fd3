package dev.outboxstock.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.relay.testing.OutboxRow;
import dev.outboxstock.relay.testing.OutboxWriter;
import dev.outboxstock.relay.testing.RelayProcess;
import dev.outboxstock.relay.testing.RelaySchema;
import dev.outboxstock.relay.testing.RelayedEvents;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** Two replicas against one database: one streams, the other stands by and takes over when the first dies. */
class RelayFailoverIT {

    private static final Logger LOG = Logger.getLogger(RelayFailoverIT.class);

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** A bound for the test, not a speed target: "within seconds", with room for a loaded build machine. */
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(30);

    @Test
    void theStandbyTakesOverWithinSecondsAfterTheActiveReplicaIsKilledAndNothingIsLost() {
        try (LocalStack stack = LocalStack.builder().databases("orders").start()) {
            RelaySchema.createIn(stack);
            ServiceProcess first = RelayProcess.start(stack, "relay-replica-1");
            ServiceProcess second = RelayProcess.start(stack, "relay-replica-2");
            await().atMost(TIMEOUT)
                    .until(() -> RelayProcess.active(first, second).isPresent());
            ServiceProcess active = RelayProcess.active(first, second).orElseThrow();
            ServiceProcess standby = active == first ? second : first;
            assertThat(RelayProcess.state(standby)).isEqualTo("STANDBY/STOPPED");

            OutboxWriter writer = OutboxWriter.start(stack.postgres().orElseThrow(), 400, 25, 50, 10);
            await().atMost(TIMEOUT).until(() -> RelayProcess.relayed(active) >= 1_000);
            active.kill();
            long killedAt = System.nanoTime();
            // Taken over: the standby relayed its first record (the writer still writes).
            await().atMost(TAKEOVER_BOUND)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> RelayProcess.relayed(standby) > 0);
            Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
            assertThat(RelayProcess.state(standby)).isEqualTo("ACTIVE/STREAMING");
            List<OutboxRow> rows = writer.awaitCommitted();

            RelayedEvents relayed = RelayedEvents.awaitAll(
                    stack.kafka().orElseThrow().bootstrapServers(), StockTopic.NAME, rows, TIMEOUT);

            relayed.assertFirstOccurrencesInCommitOrderPerKey(rows);
            LOG.infof(
                    "Failover: the standby relayed its first record %d ms after kill -9 of the active replica; %d rows, %d duplicates",
                    takeover.toMillis(), rows.size(), relayed.duplicates());
            assertThat(Stream.of(first, second).filter(ServiceProcess::isAlive)).containsExactly(standby);
        }
    }
}
