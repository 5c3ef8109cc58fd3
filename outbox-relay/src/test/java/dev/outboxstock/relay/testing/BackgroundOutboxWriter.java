package dev.outboxstock.relay.testing;

import dev.outboxstock.localstack.PostgresServer;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes outbox rows in the background, in many transactions, as a busy service would; remembers them in commit
 * order (one writer, so the order it commits in is the database's).
 */
public final class BackgroundOutboxWriter {

    private final List<WrittenRow> committed = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger count = new AtomicInteger();
    private final CompletableFuture<Void> done;

    private BackgroundOutboxWriter(
            PostgresServer postgres, int transactions, int rowsEach, int keys, long pauseMillis) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        done = CompletableFuture.runAsync(() -> {
            try (Connection connection = postgres.connect("orders")) {
                for (int t = 0; t < transactions; t++) {
                    List<WrittenRow> transaction = new ArrayList<>(rowsEach);
                    for (int r = 0; r < rowsEach; r++) {
                        int seq = t * rowsEach + r;
                        transaction.add(WrittenRow.stock(run + "-" + (seq % keys), "{\"seq\": " + seq + "}"));
                    }
                    OutboxInserts.insertInOneTransaction(connection, transaction);
                    committed.addAll(transaction);
                    count.addAndGet(rowsEach);
                    Thread.sleep(pauseMillis);
                }
            } catch (Exception e) {
                throw new IllegalStateException("The outbox writer failed", e);
            }
        });
    }

    public static BackgroundOutboxWriter start(
            PostgresServer postgres, int transactions, int rowsEach, int keys, long pause) {
        return new BackgroundOutboxWriter(postgres, transactions, rowsEach, keys, pause);
    }

    public int committedSoFar() {
        return count.get();
    }

    /** Waits until every transaction is committed; returns the rows in commit order. */
    public List<WrittenRow> awaitCommitted() {
        done.join();
        return List.copyOf(committed);
    }
}
