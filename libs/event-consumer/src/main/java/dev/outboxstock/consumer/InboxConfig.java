package dev.outboxstock.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the consuming side ({@code INBOX_RETRY_MAX_BACKOFF}, {@code INBOX_RETENTION_PERIOD}, ...). */
@ConfigMapping(prefix = "inbox")
public interface InboxConfig {

    Retry retry();

    Retention retention();

    /** How a record that failed for a reason that may go away is tried again. */
    interface Retry {

        /** The first pause before a failed record is tried again; doubled per failure. */
        @WithDefault("100ms")
        Duration initialBackoff();

        /** The longest pause between two tries: how long a partition may wait after its cause went away. */
        @WithDefault("10s")
        Duration maxBackoff();

        /** How long a partition may wait on one failing record before the service reports itself not ready. */
        @WithDefault("5s")
        Duration notReadyAfter();
    }

    /** How long processed event ids are remembered, so that a copy delivered later is still recognised. */
    interface Retention {

        /**
         * Longer than anything may deliver an event again: the producing outbox's retention period (from which its
         * events can be published again) and the producer's reconciliation horizon.
         */
        @WithDefault("7d")
        Duration period();

        /** How often ids past the period are forgotten. */
        @WithDefault("1m")
        Duration sweepInterval();

        /** Ids forgotten per statement. */
        @WithDefault("5000")
        int batchSize();
    }
}
