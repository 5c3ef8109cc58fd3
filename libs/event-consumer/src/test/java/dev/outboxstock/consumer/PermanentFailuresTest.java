package dev.outboxstock.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermanentFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"22003", "22001", "23505", "23514"})
    void errorsInTheEventsDataArePermanent(String sqlState) {
        assertThat(PermanentFailures.isPermanent(wrapped(sqlState))).isTrue();
    }

    /** Read-only after a failover, a revoked grant, a missing table, a timeout, a lost connection, a restart. */
    @ParameterizedTest
    @ValueSource(strings = {"25006", "42501", "42P01", "57014", "08006", "57P01", "40001", "40P01", "XX000"})
    void everythingElseFromTheDatabaseIsRetried(String sqlState) {
        assertThat(PermanentFailures.isPermanent(wrapped(sqlState))).isFalse();
    }

    @Test
    void anEventThatCannotBeAppliedIsPermanent() {
        assertThat(PermanentFailures.isPermanent(
                        new RuntimeException(new UnappliableEventException("No order", new IllegalStateException()))))
                .isTrue();
    }

    @Test
    void anUnforeseenFailureIsRetriedNotDeadLettered() {
        assertThat(PermanentFailures.isPermanent(new NullPointerException())).isFalse();
        assertThat(PermanentFailures.isPermanent(new SQLException("no state"))).isFalse();
    }

    private static RuntimeException wrapped(String sqlState) {
        return new PersistenceException("failed", new SQLException("failed", sqlState));
    }
}
