package dev.outboxstock.relay.engine;

import dev.outboxstock.relay.config.RelayConfig;
import dev.outboxstock.relay.publish.AcknowledgedBatchPublisher;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.jboss.logging.Logger;

/**
 * Runs the embedded Debezium engine for the application's lifetime: started with the application, closed on
 * shutdown so that the last acknowledged position is stored before the producer goes away.
 */
@ApplicationScoped
public class RelayEngine {

    private static final Logger LOG = Logger.getLogger(RelayEngine.class);

    private final RelayConfig config;
    private final AcknowledgedBatchPublisher publisher;
    private final RelayStatus status;
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "relay-engine"));
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;

    public RelayEngine(RelayConfig config, AcknowledgedBatchPublisher publisher, RelayStatus status) {
        this.config = config;
        this.publisher = publisher;
        this.status = status;
    }

    void start(@Observes StartupEvent startup) {
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(DebeziumProperties.from(config))
                .using(new StatusCallback())
                .using(this::completed)
                .notifying(publisher)
                .build();
        executor.execute(engine);
        LOG.infof(
                "Relaying %s of %s via slot %s",
                config.source().table(),
                config.source().database(),
                config.source().slot());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        try {
            engine.close();
            executor.shutdown();
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The relay engine did not stop within 30 s");
            }
        } catch (IOException e) {
            LOG.error("Cannot close the relay engine", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void completed(boolean success, String message, Throwable error) {
        if (success) {
            LOG.infof("Relay engine stopped: %s", message);
            status.stopped();
        } else {
            LOG.errorf(error, "Relay engine failed: %s", message);
            status.failed(message);
        }
    }

    private final class StatusCallback implements DebeziumEngine.ConnectorCallback {

        @Override
        public void pollingStarted() {
            status.streaming();
        }

        @Override
        public void pollingStopped() {
            status.stopped();
        }
    }
}
