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
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

@ApplicationScoped
public class DeadLetterRepository implements PanacheRepositoryBase<DeadLetter, Long> {

    /** A record read again (after a restart, a rebalance) hits the unique (topic, partition, offset) and is skipped. */
    private static final String INSERT_IF_NEW = "INSERT INTO dead_letter (topic, kafka_partition, kafka_offset,"
            + " record_key, record_value, headers, reason, source_topic, source_partition, source_offset, event_id,"
            + " event_type, dead_lettered_at, raw_key, raw_value, raw_headers, status, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', now())"
            + " ON CONFLICT ON CONSTRAINT dead_letter_record DO NOTHING";

    private static final Sort NEWEST_FIRST = Sort.descending("deadLetteredAt", "id");

    private final ObjectMapper objectMapper;

    public DeadLetterRepository(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * Whether the record was new to the index. Written with JDBC: its bytes are bound as {@code bytea} whether or not
     * there are any (a null key), which a JPA native query's untyped null cannot say.
     */
    public boolean insertIfNew(NewDeadLetter record) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_NEW)) {
                insert.setString(1, record.topic());
                insert.setInt(2, record.partition());
                insert.setLong(3, record.offset());
                insert.setString(4, record.key().orElse(null));
                insert.setString(5, record.value().orElse(null));
                insert.setString(6, json(record));
                insert.setString(7, record.reason().orElse(null));
                insert.setString(8, record.sourceTopic().orElse(null));
                insert.setObject(9, record.sourcePartition().orElse(null), Types.INTEGER);
                insert.setObject(10, record.sourceOffset().orElse(null), Types.BIGINT);
                insert.setString(11, record.eventId().orElse(null));
                insert.setString(12, record.eventType().orElse(null));
                insert.setTimestamp(13, Timestamp.from(record.deadLetteredAt()));
                insert.setBytes(14, record.bytes().key());
                insert.setBytes(15, record.bytes().value());
                insert.setBytes(16, record.bytes().headers());
                return insert.executeUpdate() == 1;
            }
        });
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
    private static final class Criteria {

        private final List<String> conditions = new ArrayList<>(List.of("1 = 1")); // the query of no criterion
        private final Parameters parameters = new Parameters();

        static Criteria of(DeadLetterFilter filter) {
            return new Criteria()
                    .and("topic = :topic", "topic", filter.topic())
                    .and("status = :status", "status", filter.status())
                    .and(
                            "lower(reason) like :reason escape '\\'",
                            "reason",
                            filter.reason().map(Criteria::containing))
                    .and("key = :key", "key", filter.key())
                    .and("eventType = :eventType", "eventType", filter.eventType())
                    .and("deadLetteredAt >= :from", "from", filter.from())
                    .and("deadLetteredAt < :to", "to", filter.to());
        }

        String where() {
            return String.join(" and ", conditions);
        }

        Parameters parameters() {
            return parameters;
        }

        /** Adds {@code condition} with {@code value} as its parameter {@code name}, when there is a value. */
        private Criteria and(String condition, String name, Optional<?> value) {
            value.ifPresent(present -> {
                conditions.add(condition);
                parameters.and(name, present);
            });
            return this;
        }

        /** Matches a reason that contains {@code part}, in any case. */
        private static String containing(String part) {
            return "%" + escapeLike(part.toLowerCase()) + "%";
        }

        /** The reason filter is a plain part of the text: {@code %} and {@code _} in it match only themselves. */
        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
