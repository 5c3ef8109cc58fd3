package dev.outboxstock.console.overview;

import dev.outboxstock.console.deadletter.DeadLetterStatus;
import dev.outboxstock.console.deadletter.RedriveAction;
import dev.outboxstock.console.rest.DeadLetterSummary;
import java.util.List;

/**
 * The dead letters the filter selects (newest first, one page), the filter as entered, what a bulk action on it would
 * take, and the latest actions.
 */
public record DeadLetterSection(
        List<DeadLetterSummary> items,
        long total,
        DeadLetterQuery query,
        BulkSelection bulk,
        List<String> topics,
        List<DeadLetterStatus> statuses,
        List<RedriveAction> actions) {}
