package dev.outboxstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.contract.StockTopic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

class LocalStackTest {

    @Test
    void startsLogicalDecodingPostgresAndKafkaWithTheStockTopicAndRemovesEverythingOnClose() throws Exception {
        Path workDir;
        ProcessHandle kafkaProcess;
        try (LocalStack stack = LocalStack.builder()
                .databases("orders", "inventory")
                .stockTopicPartitions(3)
                .start()) {
            workDir = stack.workDir();
            PostgresServer postgres = stack.postgres().orElseThrow();
            assertThat(postgres.port()).isNotEqualTo(5432);
            for (String database : List.of("orders", "inventory")) {
                try (Connection connection = postgres.connect(database);
                        Statement statement = connection.createStatement();
                        ResultSet walLevel = statement.executeQuery("SHOW wal_level")) {
                    walLevel.next();
                    assertThat(walLevel.getString(1)).isEqualTo("logical");
                }
            }

            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack.kafka().orElseThrow().bootstrapServers()))) {
                TopicDescription topic = admin.describeTopics(List.of(StockTopic.NAME))
                        .allTopicNames()
                        .get()
                        .get(StockTopic.NAME);
                // The default single node keeps one copy of each partition.
                assertThat(topic.partitions())
                        .hasSize(3)
                        .allSatisfy(
                                partition -> assertThat(partition.replicas()).hasSize(1));
            }
            kafkaProcess = stack.kafka().orElseThrow().processHandle();
            assertThat(kafkaProcess.isAlive()).isTrue();
        }

        assertThat(Files.exists(workDir)).isFalse();
        assertThat(kafkaProcess.isAlive()).isFalse();
    }

    @Test
    void reapsWhatAStackWhoseJvmDiedLeftBehind() throws Exception {
        Path workDir = WorkDirectory.create();
        ProcessRegistry registry = new ProcessRegistry(workDir);
        Process deadOwner = new ProcessBuilder("true").start();
        deadOwner.waitFor();
        registry.record(ProcessRegistry.OWNER, deadOwner.toHandle());
        Process orphan = new ProcessBuilder("sleep", "300").start();
        registry.record("service", orphan.toHandle());

        StaleStackReaper.reapIn(WorkDirectory.parent(), WorkDirectory.PREFIX);

        assertThat(orphan.waitFor()).isNotZero();
        assertThat(Files.exists(workDir)).isFalse();
    }
}
