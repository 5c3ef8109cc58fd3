package dev.outboxstock.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outboxstock.localstack.KafkaCluster;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackTestResourceTest {

    @Test
    void everyStartGetsAPostgresOfItsOwnAndTheJvmsOneKafkaWhichOutlivesTheStop() throws Exception {
        LocalStackTestResource first = resource();
        Map<String, String> firstConfig = first.start();
        first.stop();
        LocalStackTestResource second = resource();
        Map<String, String> secondConfig = second.start();
        try {
            String kafka = secondConfig.get("kafka.bootstrap.servers");
            assertThat(kafka).isEqualTo(firstConfig.get("kafka.bootstrap.servers"));
            assertThat(accepts(kafka))
                    .as("Kafka still runs after the first stack stopped")
                    .isTrue();
            assertThat(secondConfig.get("quarkus.datasource.jdbc.url"))
                    .isNotEqualTo(firstConfig.get("quarkus.datasource.jdbc.url"));
            assertThatThrownBy(KafkaCluster.startedElsewhere(kafka)::stop)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("needs a stack of its own");
        } finally {
            second.stop();
        }
    }

    private static LocalStackTestResource resource() {
        LocalStackTestResource resource = new LocalStackTestResource();
        resource.init(Map.of(LocalStackTestResource.DATABASES, "orders"));
        return resource;
    }

    private static boolean accepts(String bootstrapServers) {
        String[] hostAndPort = bootstrapServers.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1])), 1_000);
            return true;
        } catch (Exception refused) {
            return false;
        }
    }
}
