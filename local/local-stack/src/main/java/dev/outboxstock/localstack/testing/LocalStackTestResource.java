package dev.outboxstock.localstack.testing;

import dev.outboxstock.localstack.KafkaCluster;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a {@link LocalStack} for a {@code @QuarkusTest} and points the application at it. Arguments:
 * {@code databases} (comma separated; the first becomes the default datasource), {@code kafka}
 * ({@code true} by default), {@code init-script} (classpath SQL resources, comma separated, run in order in the first
 * database, for a test that needs a schema its application does not own) and {@code replication-slot} (a logical
 * slot created in the first database, as the relay would create it, for an application whose outbox needs one). Besides the standard Quarkus keys it exposes {@code local-stack.postgres.host},
 * {@code local-stack.postgres.port} and {@code local-stack.kafka.bootstrap-servers} for other settings to refer
 * to, and injects the stack into test fields annotated with {@link InjectLocalStack}.
 *
 * <p>Each start gets a PostgreSQL of its own, so an application restarted for another test profile finds empty
 * databases, but every start in one test JVM shares one Kafka: starting a broker process costs about 15 s on two
 * cores, and a module with several profiles would pay it for each. Topics are shared too, so a test reads the records
 * it produced by their keys or ids, never by position or count.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASES = "databases";
    public static final String KAFKA = "kafka";
    public static final String INIT_SCRIPT = "init-script";
    public static final String REPLICATION_SLOT = "replication-slot";

    private String[] databases = new String[0];
    private boolean kafka = true;
    private List<String> initScripts = List.of();
    private Optional<String> replicationSlot = Optional.empty();
    private LocalStack stack;

    /**
     * The system property naming the Kafka every start in this JVM shares. Quarkus loads a test profile's classes in a
     * class loader of its own, so a static field would not outlive a profile change; a property does.
     */
    static final String SHARED_KAFKA = "local-stack.test-jvm.kafka";

    @Override
    public void init(Map<String, String> args) {
        databases = Arrays.stream(args.getOrDefault(DATABASES, "").split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toArray(String[]::new);
        kafka = Boolean.parseBoolean(args.getOrDefault(KAFKA, "true"));
        initScripts = Arrays.stream(args.getOrDefault(INIT_SCRIPT, "").split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
        replicationSlot = Optional.ofNullable(args.get(REPLICATION_SLOT));
    }

    @Override
    public Map<String, String> start() {
        LocalStack.Builder builder = LocalStack.builder().databases(databases);
        if (kafka) {
            builder.kafka(sharedKafka());
        } else {
            builder.withoutKafka();
        }
        stack = builder.start();
        initScripts.forEach(script -> runScript(stack.postgres().orElseThrow(), script));
        replicationSlot.ifPresent(slot -> stack.postgres()
                .orElseThrow()
                .execute(databases[0], "SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')"));

        Map<String, String> config = new HashMap<>();
        stack.postgres().ifPresent(postgres -> config.putAll(postgresConfig(postgres)));
        stack.kafka().map(KafkaCluster::bootstrapServers).ifPresent(servers -> {
            config.put("kafka.bootstrap.servers", servers);
            config.put("local-stack.kafka.bootstrap-servers", servers);
        });
        return config;
    }

    /**
     * The first start in the JVM starts Kafka (and owns it: its stack's shutdown hook stops it when the tests are done);
     * later ones, perhaps in another class loader, find it by address and cannot stop it.
     */
    private static KafkaCluster sharedKafka() {
        synchronized (System.getProperties()) {
            String running = System.getProperty(SHARED_KAFKA);
            if (running != null) {
                return KafkaCluster.startedElsewhere(running);
            }
            KafkaCluster started = LocalStack.builder().start().kafka().orElseThrow();
            System.setProperty(SHARED_KAFKA, started.bootstrapServers());
            return started;
        }
    }

    private Map<String, String> postgresConfig(PostgresServer postgres) {
        Map<String, String> config = new HashMap<>();
        config.put("local-stack.postgres.host", postgres.host());
        config.put("local-stack.postgres.port", String.valueOf(postgres.port()));
        if (databases.length > 0) {
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(databases[0]));
            config.put("quarkus.datasource.username", postgres.username());
            config.put("quarkus.datasource.password", postgres.password());
        }
        return config;
    }

    private void runScript(PostgresServer postgres, String resource) {
        postgres.execute(databases[0], ClasspathText.read(resource));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                stack, new TestInjector.AnnotatedAndMatchesType(InjectLocalStack.class, LocalStack.class));
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
