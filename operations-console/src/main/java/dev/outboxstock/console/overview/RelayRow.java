package dev.outboxstock.console.overview;

import dev.outboxstock.console.client.RelayState;
import java.util.Locale;
import java.util.Optional;

/** A relay as the page shows it: every figure formatted, a dash where there is none. */
public record RelayRow(
        String name,
        String role,
        boolean ready,
        String slot,
        String retainedWal,
        String meanCommitToAck,
        String maxCommitToAck,
        String problem) {

    private static final String NONE = "–";

    static RelayRow of(RelayState state) {
        return new RelayRow(
                state.name(),
                state.role().orElse("UNREACHABLE"),
                state.ready(),
                state.slot().orElse(NONE),
                state.retainedWalBytes().map(RelayRow::bytes).orElse(NONE),
                millis(state.meanCommitToAckMillis()),
                millis(state.maxCommitToAckMillis()),
                state.problem().orElse(""));
    }

    private static String millis(Optional<Double> value) {
        return value.map(ms -> String.format(Locale.ROOT, "%.0f ms", ms)).orElse(NONE);
    }

    private static String bytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
