package dev.outboxstock.console.service;

import dev.outboxstock.console.deadletter.ActionKind;
import dev.outboxstock.console.deadletter.DeadLetter;
import dev.outboxstock.console.deadletter.DeadLetterFilter;
import dev.outboxstock.console.deadletter.DeadLetterStatus;
import dev.outboxstock.console.deadletter.RedriveAction;
import dev.outboxstock.console.kafka.RedriveProducer;
import dev.outboxstock.console.repository.DeadLetterRepository;
import dev.outboxstock.console.repository.RedriveActionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Reads the dead-letter index and acts on it. A replay sends the record and waits for Kafka's acknowledgement
 * before it marks the dead letter: a replay that fails changes nothing, one whose mark fails is sent again by the
 * next try, which is harmless because consumers apply an event id once. Each action is logged, recorded and counted.
 */
@ApplicationScoped
public class RedriveService {

    private static final Logger LOG = Logger.getLogger(RedriveService.class);

    private final DeadLetterRepository deadLetters;
    private final RedriveActionRepository actions;
    private final ReplayRecords replayRecords;
    private final RedriveProducer producer;
    private final RedriveMetrics metrics;

    public RedriveService(
            DeadLetterRepository deadLetters,
            RedriveActionRepository actions,
            ReplayRecords replayRecords,
            RedriveProducer producer,
            RedriveMetrics metrics) {
        this.deadLetters = deadLetters;
        this.actions = actions;
        this.replayRecords = replayRecords;
        this.producer = producer;
        this.metrics = metrics;
    }

    @Transactional
    public Optional<DeadLetter> find(long id) {
        return deadLetters.findByIdOptional(id);
    }

    @Transactional
    public DeadLetterPage list(DeadLetterFilter filter, int page, int size) {
        return new DeadLetterPage(deadLetters.page(filter, page, size), deadLetters.count(filter));
    }

    @Transactional
    public List<RedriveAction> actions(int page, int size) {
        return actions.page(page, size);
    }

    /** Sends the dead letter to its topic again, whatever its status; empty when there is no such dead letter. */
    @Transactional
    public Optional<RedriveOutcome> replay(long id, String operator) throws UnroutableDeadLetterException {
        Optional<DeadLetter> found = deadLetters.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        producer.sendAll(List.of(replayRecords.of(found.get())));
        Instant now = Instant.now();
        found.get().replayed(now);
        return Optional.of(record(ActionKind.REPLAY, operator, now, "dead letter " + id, 1, List.of()));
    }

    /**
     * Replays the oldest {@code limit} pending dead letters the filter selects, oldest first (so the records of one
     * key keep their order); those that still cannot be routed stay pending and are reported.
     */
    @Transactional
    public RedriveOutcome replayAll(DeadLetterFilter filter, int limit, String operator) {
        List<DeadLetter> selected = selectPending(filter, limit);
        List<DeadLetter> replayed = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        List<RedriveOutcome.Skipped> skipped = new ArrayList<>();
        for (DeadLetter deadLetter : selected) {
            try {
                records.add(replayRecords.of(deadLetter));
                replayed.add(deadLetter);
            } catch (UnroutableDeadLetterException unroutable) {
                skipped.add(new RedriveOutcome.Skipped(deadLetter.id(), unroutable.getMessage()));
            }
        }
        producer.sendAll(records);
        Instant now = Instant.now();
        replayed.forEach(deadLetter -> deadLetter.replayed(now));
        return record(ActionKind.REPLAY, operator, now, filter.describe(), replayed.size(), skipped);
    }

    /** Marks the dead letter as thrown away on purpose; empty when there is no such dead letter. */
    @Transactional
    public Optional<RedriveOutcome> discard(long id, String operator) {
        Optional<DeadLetter> found = deadLetters.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        found.get().discarded(now);
        return Optional.of(record(ActionKind.DISCARD, operator, now, "dead letter " + id, 1, List.of()));
    }

    /** Discards the oldest {@code limit} pending dead letters the filter selects. */
    @Transactional
    public RedriveOutcome discardAll(DeadLetterFilter filter, int limit, String operator) {
        List<DeadLetter> selected = selectPending(filter, limit);
        Instant now = Instant.now();
        selected.forEach(deadLetter -> deadLetter.discarded(now));
        return record(ActionKind.DISCARD, operator, now, filter.describe(), selected.size(), List.of());
    }

    private List<DeadLetter> selectPending(DeadLetterFilter filter, int limit) {
        List<DeadLetter> selected = deadLetters.lockOldest(filter.withStatus(DeadLetterStatus.PENDING), limit);
        if (selected.isEmpty()) {
            throw new NoDeadLetterMatchesException(filter.describe());
        }
        return selected;
    }

    private RedriveOutcome record(
            ActionKind action,
            String operator,
            Instant at,
            String selection,
            int count,
            List<RedriveOutcome.Skipped> skipped) {
        RedriveAction logged = new RedriveAction(action, operator, at, selection, count);
        actions.persist(logged);
        metrics.performed(action, count);
        LOG.infof(
                "%s by %s of %s: %d dead letters, %d left as they were",
                action, operator, selection, count, skipped.size());
        return new RedriveOutcome(logged.id(), action, operator, at, count, skipped);
    }
}
