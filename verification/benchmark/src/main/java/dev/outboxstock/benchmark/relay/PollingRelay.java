package dev.outboxstock.benchmark.relay;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The peer design the CDC relay is measured against: a relay that polls the outbox table. In one transaction it
 * takes a batch of unsent rows ({@code SELECT ... FOR UPDATE SKIP LOCKED}, so several pollers could share the
 * table), sends them with the relay's producer settings, waits for every ack and marks them sent; it sleeps for the
 * poll interval whenever a batch was not full. It orders by an insertion sequence, which is not commit order (a
 * known weakness of the design, harmless to a single poller's throughput and latency).
 */
final class PollingRelay implements AutoCloseable {

    static final String TABLE = "polling_outbox";

    /** The table: the outbox's columns, a sequence to poll in, and the mark. */
    static final String SCHEMA = """
            CREATE TABLE polling_outbox (
                position      bigserial    PRIMARY KEY,
                id            uuid         NOT NULL UNIQUE,
                aggregatetype varchar(255) NOT NULL,
                aggregateid   varchar(255) NOT NULL,
                type          varchar(255) NOT NULL,
                payload       jsonb        NOT NULL,
                traceparent   varchar(55),
                created_at    timestamptz  NOT NULL DEFAULT now(),
                sent_at       timestamptz
            );
            CREATE INDEX polling_outbox_unsent ON polling_outbox (position) WHERE sent_at IS NULL;
            """;

    private final Connection connection;
    private final Producer<String, String> producer;
    private final int batchSize;
    private final Duration pollInterval;
    private final PreparedStatement select;
    private final PreparedStatement markSent;
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    PollingRelay(Connection connection, Producer<String, String> producer, int batchSize, Duration pollInterval)
            throws SQLException {
        this.connection = connection;
        this.producer = producer;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        connection.setAutoCommit(false);
        this.select = connection.prepareStatement("SELECT id, aggregateid, payload::text, created_at FROM " + TABLE
                + " WHERE sent_at IS NULL ORDER BY position LIMIT ? FOR UPDATE SKIP LOCKED");
        this.markSent = connection.prepareStatement("UPDATE " + TABLE + " SET sent_at = now() WHERE id = ANY (?)");
        this.thread = new Thread(this::poll, "polling-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Rows marked sent so far. */
    long relayed() {
        if (failure.get() != null) {
            throw new IllegalStateException("The polling relay failed", failure.get());
        }
        return relayed.get();
    }

    private void poll() {
        try {
            while (running) {
                if (relayBatch() < batchSize) {
                    Thread.sleep(pollInterval.toMillis());
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure.set(e);
        }
    }

    private int relayBatch() throws SQLException, InterruptedException, ExecutionException {
        List<UUID> ids = new ArrayList<>(batchSize);
        List<Future<RecordMetadata>> acks = new ArrayList<>(batchSize);
        select.setInt(1, batchSize);
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                UUID id = rows.getObject(1, UUID.class);
                ids.add(id);
                acks.add(producer.send(RelayProducer.record(
                        id,
                        rows.getString(2),
                        rows.getString(3),
                        rows.getTimestamp(4).getTime())));
            }
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
        if (!ids.isEmpty()) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            markSent.setArray(1, array);
            markSent.executeUpdate();
        }
        connection.commit();
        relayed.addAndGet(ids.size());
        return ids.size();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
