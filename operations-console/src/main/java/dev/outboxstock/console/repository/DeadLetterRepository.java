package dev.outboxstock.console.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.console.deadletter.DeadLetter;
import dev.outboxstock.console.deadletter.DeadLetterFilter;
import dev.outboxstock.console.deadletter.NewDeadLetter;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class DeadLetterRepository implements PanacheRepositoryBase<DeadLetter, Long> {

    /** A record read again (after a restart, a rebalance) hits the unique (topic, partition, offset) and is skipped. */
    private static final String INSERT_IF_NEW = "INSERT INTO dead_letter (topic, kafka_partition, kafka_offset,"
            + " record_key, record_value, headers, reason, source_topic, source_partition, source_offset, event_id,"
            + " event_type, dead_lettered_at, status, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), ?7,"
            + " ?8, ?9, ?10, ?11, ?12, ?13, 'PENDING', now())"
            + " ON CONFLICT ON CONSTRAINT dead_letter_record DO NOTHING";

    private static final Sort NEWEST_FIRST = Sort.descending("deadLetteredAt", "id");

    private final ObjectMapper objectMapper;

    public DeadLetterRepository(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** Whether the record was new to the index. */
    public boolean insertIfNew(NewDeadLetter record) {
        return getEntityManager()
                        .createNativeQuery(INSERT_IF_NEW)
                        .setParameter(1, record.topic())
                        .setParameter(2, record.partition())
                        .setParameter(3, record.offset())
                        .setParameter(4, record.key().orElse(null))
                        .setParameter(5, record.value().orElse(null))
                        .setParameter(6, json(record))
                        .setParameter(7, record.reason().orElse(null))
                        .setParameter(8, record.sourceTopic().orElse(null))
                        .setParameter(9, record.sourcePartition().orElse(null))
                        .setParameter(10, record.sourceOffset().orElse(null))
                        .setParameter(11, record.eventId().orElse(null))
                        .setParameter(12, record.eventType().orElse(null))
                        .setParameter(13, Timestamp.from(record.deadLetteredAt()))
                        .executeUpdate()
                == 1;
    }

    /** A page of the matching dead letters, newest first. */
    public List<DeadLetter> page(DeadLetterFilter filter, int page, int size) {
        return query(filter).page(Page.of(page, size)).list();
    }

    public long count(DeadLetterFilter filter) {
        return query(filter).count();
    }

    /** The oldest {@code limit} matching dead letters, locked until the transaction ends (a bulk action's set). */
    public List<DeadLetter> lockOldest(DeadLetterFilter filter, int limit) {
        Criteria criteria = Criteria.of(filter);
        return find(criteria.where(), Sort.ascending("deadLetteredAt", "id"), criteria.parameters())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(Page.ofSize(limit))
                .list();
    }

    private PanacheQuery<DeadLetter> query(DeadLetterFilter filter) {
        Criteria criteria = Criteria.of(filter);
        return find(criteria.where(), NEWEST_FIRST, criteria.parameters());
    }

    private String json(NewDeadLetter record) {
        try {
            return objectMapper.writeValueAsString(record.headers());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The filter as a JPQL condition with named parameters. */
    private record Criteria(String where, Parameters parameters) {

        static Criteria of(DeadLetterFilter filter) {
            List<String> conditions = new ArrayList<>();
            Parameters parameters = new Parameters();
            conditions.add("1 = 1"); // the query of no criterion
            filter.topic().ifPresent(topic -> {
                conditions.add("topic = :topic");
                parameters.and("topic", topic);
            });
            filter.status().ifPresent(status -> {
                conditions.add("status = :status");
                parameters.and("status", status);
            });
            filter.reason().ifPresent(reason -> {
                conditions.add("lower(reason) like :reason escape '\\'");
                parameters.and("reason", "%" + escapeLike(reason.toLowerCase()) + "%");
            });
            filter.key().ifPresent(key -> {
                conditions.add("key = :key");
                parameters.and("key", key);
            });
            filter.eventType().ifPresent(eventType -> {
                conditions.add("eventType = :eventType");
                parameters.and("eventType", eventType);
            });
            filter.from().ifPresent(from -> {
                conditions.add("deadLetteredAt >= :from");
                parameters.and("from", from);
            });
            filter.to().ifPresent(to -> {
                conditions.add("deadLetteredAt < :to");
                parameters.and("to", to);
            });
            return new Criteria(String.join(" and ", conditions), parameters);
        }

        /** The reason filter is a plain part of the text: {@code %} and {@code _} in it match only themselves. */
        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
