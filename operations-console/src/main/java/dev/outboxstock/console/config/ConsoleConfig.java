package dev.outboxstock.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the console reads from. Every key can be set from the environment. */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    /** order-service's base URL ({@code CONSOLE_ORDER_SERVICE_URL}). */
    URI orderServiceUrl();

    /** inventory-service's base URL ({@code CONSOLE_INVENTORY_SERVICE_URL}). */
    URI inventoryServiceUrl();

    /**
     * Each relay's management endpoint as {@code name=url}, comma separated ({@code CONSOLE_RELAYS}): its health
     * and metrics are read from {@code url/q/health} and {@code url/q/metrics}. Read by {@link WatchedRelays}
     * (one text, not a list: an optional list is a set of indexed keys to the configuration, none of which a
     * deployment would set).
     */
    Optional<String> relays();

    /** Consumer groups whose lag is shown ({@code CONSOLE_CONSUMER_GROUPS}). */
    @WithDefault("inventory-service,order-service")
    List<String> consumerGroups();

    /** How long each read of another service may take before the console shows it as unreachable. */
    @WithDefault("PT3S")
    Duration readTimeout();

    /** The pauses between tries to index a dead letter while the console's database cannot take it. */
    IndexingRetry indexingRetry();

    interface IndexingRetry {

        /** The first pause ({@code CONSOLE_INDEXING_RETRY_INITIAL_BACKOFF}); each next one is twice as long. */
        @WithDefault("PT0.2S")
        Duration initialBackoff();

        /** The longest pause ({@code CONSOLE_INDEXING_RETRY_MAX_BACKOFF}). */
        @WithDefault("PT10S")
        Duration maxBackoff();

        /**
         * How long indexing may wait on one record before the health check {@code dead-letter-indexing} is down
         * ({@code CONSOLE_INDEXING_RETRY_STALLED_AFTER}); the wait is always shown as
         * {@code console_dead_letters_indexing_stalled_seconds}.
         */
        @WithDefault("PT30S")
        Duration stalledAfter();
    }

    /**
     * The key of the page's CSRF tokens ({@code CONSOLE_CSRF_SECRET}, at least 32 characters): each token is an HMAC
     * of the operator's sign-in cookie with it. Set it when several console replicas serve one page; unset, each
     * process draws a random key at start (after a restart, a page opened before it must be reloaded to act).
     */
    Optional<String> csrfSecret();

    /** Orders PENDING for longer than this are shown as stuck ({@code CONSOLE_PENDING_THRESHOLD}). */
    @WithDefault("PT2M")
    Duration pendingThreshold();
}
