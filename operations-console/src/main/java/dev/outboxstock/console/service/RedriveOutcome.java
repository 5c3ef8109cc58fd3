package dev.outboxstock.console.service;

import dev.outboxstock.console.deadletter.ActionKind;
import java.time.Instant;
import java.util.List;

/**
 * What an action did: to how many dead letters, and which of the selected ones it left as they were and why (a
 * replay of a row that still cannot be routed).
 */
public record RedriveOutcome(
        long actionId, ActionKind action, String operator, Instant performedAt, int count, List<Skipped> skipped) {

    public RedriveOutcome {
        skipped = List.copyOf(skipped);
    }

    public record Skipped(long deadLetterId, String reason) {}
}
