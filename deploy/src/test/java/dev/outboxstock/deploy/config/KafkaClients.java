package dev.outboxstock.deploy.config;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Kafka client properties a service passes through: Quarkus' Kafka extension hands every {@code kafka.*} property
 * to all the service's Kafka clients, and the SmallRye Kafka connector hands a channel's unknown attributes to that
 * channel's client. Their names are the clients' own ({@code ConsumerConfig}, {@code ProducerConfig},
 * {@code AdminClientConfig}), read from the kafka-clients version the service ships.
 */
final class KafkaClients {

    /** The Quarkus class that collects {@code kafka.*} into the default configuration of every Kafka client. */
    private static final String KAFKA_DEFAULTS_READER = "io.quarkus.kafka.client.runtime.KafkaRuntimeConfigProducer";

    private static final String CONNECTOR = "io.smallrye.reactive.messaging.kafka.KafkaConnector";

    private static final List<String> CLIENT_CONFIGS = List.of(
            "org.apache.kafka.clients.consumer.ConsumerConfig",
            "org.apache.kafka.clients.producer.ProducerConfig",
            "org.apache.kafka.clients.admin.AdminClientConfig");

    private final Set<String> clientProperties;
    private final boolean readsKafkaDefaults;
    private final Optional<String> connectorName;

    private KafkaClients(Set<String> clientProperties, boolean readsKafkaDefaults, Optional<String> connectorName) {
        this.clientProperties = clientProperties;
        this.readsKafkaDefaults = readsKafkaDefaults;
        this.connectorName = connectorName;
    }

    static KafkaClients in(ClassLoader service) {
        Set<String> names = new TreeSet<>();
        for (String config : CLIENT_CONFIGS) {
            load(service, config).ifPresent(type -> names.addAll(configNames(type)));
        }
        return new KafkaClients(
                names,
                load(service, KAFKA_DEFAULTS_READER).isPresent(),
                load(service, CONNECTOR).map(KafkaClients::connectorName));
    }

    void addDefaultKeys(ServiceConfiguration.Builder configuration) {
        if (readsKafkaDefaults) {
            clientProperties.forEach(name ->
                    configuration.key(new ConfigKey("kafka." + name, Optional.empty(), false, KAFKA_DEFAULTS_READER)));
        }
    }

    void addChannelKeys(ServiceConfiguration.Builder configuration, String connector, String channelPrefix) {
        if (connectorName.filter(connector::equals).isPresent()) {
            clientProperties.forEach(
                    name -> configuration.key(new ConfigKey(channelPrefix + name, Optional.empty(), false, CONNECTOR)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> configNames(Class<?> clientConfig) {
        try {
            return (Collection<String>) clientConfig.getMethod("configNames").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(clientConfig + ".configNames()", e);
        }
    }

    private static String connectorName(Class<?> connector) {
        try {
            return (String) connector.getField("CONNECTOR_NAME").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(connector + ".CONNECTOR_NAME", e);
        }
    }

    private static Optional<Class<?>> load(ClassLoader service, String className) {
        try {
            return Optional.of(Class.forName(className, true, service));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
