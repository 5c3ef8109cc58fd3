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
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Reads the dead-letter index and acts on it. A replay sends the record and waits for Kafka's acknowledgement
 * before it marks the dead letter: a replay that fails changes nothing, one whose mark fails is sent again by the
 * next try, which is harmless because consumers apply an event id once. Each action is logged, recorded and counted.
 */
@ApplicationScoped
public class RedriveService {

    /** The most dead letters one bulk action may take: the API refuses a larger limit, the page offers no more. */
    public static final int MAX_BULK_ACTION = 1000;

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

    /** How many dead letters the filter selects, without reading any. */
    @Transactional
    public long count(DeadLetterFilter filter) {
        return deadLetters.count(filter);
    }

    @Transactional
    public List<RedriveAction> actions(int page, int size) {
        return actions.page(page, size);
    }

    /** Sends the dead letter to its topic again, whatever its status; empty when there is no such dead letter. */
    @Transactional
    public Optional<RedriveOutcome> replay(long id, String operator) throws UnroutableDeadLetterException {
        Optional<DeadLetter> found = lock(id);
        if (found.isPresent()) {
            producer.sendAll(List.of(replayRecords.of(found.get())));
        }
        return found.map(deadLetter -> actedOn(deadLetter, ActionKind.REPLAY, operator, deadLetter::replayed));
    }

    /**
     * Replays or discards, as {@code action} says, the oldest {@code limit} pending dead letters the filter selects.
     */
    @Transactional
    public RedriveOutcome actOnAll(ActionKind action, DeadLetterFilter filter, int limit, String operator) {
        return switch (action) {
            case REPLAY -> replayAll(filter, limit, operator);
            case DISCARD -> discardAll(filter, limit, operator);
        };
    }

    /**
     * Replays the oldest {@code limit} pending dead letters the filter selects, oldest first (so the records of one
     * key keep their order); those that still cannot be routed stay pending and are reported.
     */
    @Transactional
    public RedriveOutcome replayAll(DeadLetterFilter filter, int limit, String operator) {
        List<DeadLetter> selected = selectPending(filter, limit);
        List<DeadLetter> replayed = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
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

    /** Replays or discards the dead letter, as {@code action} says; empty when there is no such dead letter. */
    @Transactional
    public Optional<RedriveOutcome> actOn(ActionKind action, long id, String operator)
            throws UnroutableDeadLetterException {
        return switch (action) {
            case REPLAY -> replay(id, operator);
            case DISCARD -> discard(id, operator);
        };
    }

    /** Marks the dead letter as thrown away on purpose; empty when there is no such dead letter. */
    @Transactional
    public Optional<RedriveOutcome> discard(long id, String operator) {
        return lock(id).map(deadLetter -> actedOn(deadLetter, ActionKind.DISCARD, operator, deadLetter::discarded));
    }

    /** Discards the oldest {@code limit} pending dead letters the filter selects. */
    @Transactional
    public RedriveOutcome discardAll(DeadLetterFilter filter, int limit, String operator) {
        List<DeadLetter> selected = selectPending(filter, limit);
        Instant now = Instant.now();
        selected.forEach(deadLetter -> deadLetter.discarded(now));
        return record(ActionKind.DISCARD, operator, now, filter.describe(), selected.size(), List.of());
    }

    /**
     * Whether a bulk action may act on what the filter selects: one over every dead letter there is would be a
     * mistake more often than not, so it must name at least one criterion. The API, the page's buttons and its form
     * posts all go by this rule.
     */
    public static boolean allowsBulkAction(DeadLetterFilter filter) {
        return !filter.isEmpty();
    }

    private Optional<DeadLetter> lock(long id) {
        return deadLetters.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Marks one dead letter with {@code mark} and records the action. */
    private RedriveOutcome actedOn(DeadLetter deadLetter, ActionKind action, String operator, Consumer<Instant> mark) {
        Instant now = Instant.now();
        mark.accept(now);
        return record(action, operator, now, "dead letter " + deadLetter.id(), 1, List.of());
    }

    private List<DeadLetter> selectPending(DeadLetterFilter filter, int limit) {
        if (!allowsBulkAction(filter)) {
            throw new UnnarrowedBulkActionException();
        }
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
