package dev.outboxstock.console.repository;

import dev.outboxstock.console.deadletter.RecordBytes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import org.hibernate.Session;

/** The dead letters the index could not take for good ({@code dead_letter_set_aside}), kept whole with why. */
@ApplicationScoped
public class SetAsideRepository {

    /** A record set aside again (read again after a restart) is kept once. */
    private static final String INSERT_IF_NEW = "INSERT INTO dead_letter_set_aside (topic, kafka_partition,"
            + " kafka_offset, raw_key, raw_value, raw_headers, failure) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT ON CONSTRAINT dead_letter_set_aside_record DO NOTHING";

    private final EntityManager entityManager;

    public SetAsideRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Whether the record was new here. */
    public boolean insertIfNew(String topic, int partition, long offset, RecordBytes bytes, String failure) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_NEW)) {
                insert.setString(1, topic);
                insert.setInt(2, partition);
                insert.setLong(3, offset);
                insert.setBytes(4, bytes.key());
                insert.setBytes(5, bytes.value());
                insert.setBytes(6, bytes.headers());
                insert.setString(7, failure);
                return insert.executeUpdate() == 1;
            }
        });
    }
}
