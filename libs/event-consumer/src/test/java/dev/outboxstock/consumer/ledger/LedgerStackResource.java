package dev.outboxstock.consumer.ledger;

import dev.outboxstock.localstack.testing.LocalStackTestResource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** The local stack of the services' tests, plus the ledger's topics, created before the application subscribes. */
public class LedgerStackResource extends LocalStackTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        createTopics(config.get("kafka.bootstrap.servers"), LedgerTopics.CREATED);
        return config;
    }

    /**
     * Creates topics with these partition counts (the broker creates none by itself), but not those that exist: the
     * test JVM's Kafka outlives an application restarted for another profile.
     */
    public static void createTopics(String bootstrapServers, Map<String, Integer> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            admin.createTopics(topics.entrySet().stream()
                            .filter(topic -> !existing.contains(topic.getKey()))
                            .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1))
                            .toList())
                    .all()
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create " + topics.keySet(), e.getCause());
        }
    }
}
