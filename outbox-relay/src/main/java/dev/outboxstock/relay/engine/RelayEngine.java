package dev.outboxstock.relay.engine;

import dev.outboxstock.relay.config.RelayConfig;
import dev.outboxstock.relay.metrics.RelayMetrics;
import dev.outboxstock.relay.publish.AcknowledgedBatchPublisher;
import dev.outboxstock.relay.publish.StreamingRight;
import dev.outboxstock.relay.status.RelayStatus;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.jboss.logging.Logger;

/**
 * One run of the embedded Debezium engine: started when this replica may stream, stopped when it may no longer or
 * the application shuts down. Stopping stores the position of the last acknowledged batch.
 */
@ApplicationScoped
public class RelayEngine {

    private static final Logger LOG = Logger.getLogger(RelayEngine.class);

    private static final long CLOSE_RETRY_MILLIS = 100;

    private final RelayConfig config;
    private final AcknowledgedBatchPublisher publisher;
    private final RelayStatus status;
    private final RelayMetrics metrics;
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private ExecutorService executor;
    private volatile boolean running;
    /** Counted down when this run of the engine stopped, by itself or by {@link #stop()}. */
    private volatile CountDownLatch stopped = new CountDownLatch(0);

    public RelayEngine(
            RelayConfig config, AcknowledgedBatchPublisher publisher, RelayStatus status, RelayMetrics metrics) {
        this.config = config;
        this.publisher = publisher;
        this.status = status;
        this.metrics = metrics;
    }

    /**
     * Starts a run of the engine for as long as this replica holds {@code right}; the publisher asks it when Kafka
     * refuses its producer, to tell a coordinator's timeout from another replica's takeover.
     */
    public synchronized void start(StreamingRight right) {
        stopped = new CountDownLatch(1);
        publisher.open(right);
        status.engineStarting();
        try {
            engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                    .using(DebeziumProperties.from(config))
                    .using(new StatusCallback())
                    .using(this::completed)
                    .notifying(publisher)
                    .build();
        } catch (RuntimeException refused) {
            // An engine property Debezium refuses (a bad relay.debezium.* override): this run never started.
            status.engineFailed(refused.toString());
            stopped.countDown();
            throw refused;
        }
        executor = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "relay-engine"));
        running = true;
        executor.execute(engine);
        LOG.infof(
                "Relaying %s of %s via slot %s",
                config.source().table(),
                config.source().database(),
                config.source().slot());
    }

    /** False once the engine stopped, by itself (an error it did not retry) or by {@link #stop()}. */
    public boolean isRunning() {
        return running;
    }

    /**
     * Waits up to {@code timeout} for the engine to stop by itself, so that the supervisor ends the term at once
     * rather than at its next check; true once it stopped.
     */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public synchronized void stop() {
        if (engine == null) {
            return;
        }
        publisher.stopWaiting();
        // One deadline for closing and for the engine's last batch and position: stopping never takes longer.
        long deadline = System.nanoTime() + config.stopTimeout().toNanos();
        // No new task is taken, and the running one goes on: awaitTermination now returns as soon as the engine's run
        // ended, also when it had ended by itself before this stop.
        executor.shutdown();
        try {
            close(deadline);
            if (!executor.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                LOG.warnf("The relay engine did not stop within %s", config.stopTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            engine = null;
            running = false;
            stopped.countDown();
            publisher.close();
        }
    }

    /**
     * The engine refuses to close while its tasks start (they open connections): it is asked again until it may. One
     * that already stopped by itself refuses too, and its run has ended: nothing is left to wait for.
     */
    private void close(long deadline) throws InterruptedException {
        while (true) {
            try {
                engine.close();
                return;
            } catch (IllegalStateException startingOrAlreadyStopped) {
                if (executor.awaitTermination(CLOSE_RETRY_MILLIS, TimeUnit.MILLISECONDS)
                        || System.nanoTime() > deadline) {
                    return;
                }
            } catch (IOException e) {
                LOG.error("Cannot close the relay engine", e);
                return;
            }
        }
    }

    private void completed(boolean success, String message, Throwable error) {
        running = false;
        stopped.countDown();
        if (success) {
            LOG.infof("Relay engine stopped: %s", message);
            status.engineStopped();
        } else {
            LOG.errorf(error, "Relay engine failed: %s", message);
            metrics.error(RelayMetrics.ENGINE);
            status.engineFailed(message);
        }
    }

    private final class StatusCallback implements DebeziumEngine.ConnectorCallback {

        @Override
        public void pollingStarted() {
            status.engineStreaming();
        }

        @Override
        public void pollingStopped() {
            status.engineStopped();
        }
    }
}
