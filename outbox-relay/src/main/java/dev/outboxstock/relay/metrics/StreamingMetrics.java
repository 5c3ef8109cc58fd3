package dev.outboxstock.relay.metrics;

import dev.outboxstock.relay.config.RelayConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Debezium's streaming metrics on {@code /q/metrics}: how far the relay is behind the database and how full the
 * engine's queue is. Debezium publishes them as JMX beans only (named by the connector's {@code topic.prefix}, the
 * relay's name), which exist while the engine streams: read from there, NaN while it does not (a standby replica, an
 * engine restarting).
 */
@ApplicationScoped
public class StreamingMetrics {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    /** Matches the bean with or without the task key later Debezium versions add. */
    private final ObjectName streaming;

    private final MeterRegistry registry;

    public StreamingMetrics(RelayConfig config, MeterRegistry registry) {
        try {
            this.streaming = new ObjectName(
                    "debezium.postgres:type=connector-metrics,context=streaming,server=" + config.name() + ",*");
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("relay.name " + config.name() + " cannot name a JMX bean", e);
        }
        this.registry = registry;
    }

    void register(@Observes StartupEvent start) {
        gauge(
                "relay.debezium.behind.source.milliseconds",
                "MilliSecondsBehindSource",
                "Time between the last streamed change's commit in PostgreSQL and its processing by the engine");
        gauge(
                "relay.debezium.queue.remaining.capacity",
                "QueueRemainingCapacity",
                "Free places in the engine's queue between the WAL reader and the relay; 0 means the relay is the bottleneck");
        gauge("relay.debezium.queue.total.capacity", "QueueTotalCapacity", "Places in the engine's queue");
        gauge(
                "relay.debezium.events.seen",
                "TotalNumberOfEventsSeen",
                "Changes the engine streamed in its current run");
        gauge("relay.debezium.connected", "Connected", "1 while the engine holds its replication connection");
    }

    private void gauge(String name, String attribute, String description) {
        Gauge.builder(name, this, metrics -> metrics.read(attribute))
                .description(description)
                .register(registry);
    }

    private double read(String attribute) {
        try {
            Set<ObjectName> beans = server.queryNames(streaming, null);
            if (beans.isEmpty()) {
                return Double.NaN;
            }
            Object value = server.getAttribute(beans.iterator().next(), attribute);
            if (value instanceof Boolean connected) {
                return connected ? 1 : 0;
            }
            return value instanceof Number number ? number.doubleValue() : Double.NaN;
        } catch (JMException notStreaming) {
            return Double.NaN;
        }
    }
}
