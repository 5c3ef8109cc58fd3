package dev.outboxstock.console.overview;

import dev.outboxstock.console.deadletter.DeadLetterFilter;
import dev.outboxstock.console.service.RedriveService;
import java.util.List;
import java.util.Optional;

/**
 * What the page's "Replay all" and "Discard all" buttons would act on: the pending dead letters the filter selects
 * (at most {@code limit} of them, the oldest first, as the bulk API does), or why the buttons are off.
 *
 * @param limit how many the action may take: the count the operator confirms, so that dead letters arriving between
 *     the page and the click are not swept up unseen
 * @param refusal why no bulk action can run on this filter; {@code null} when one can
 */
public record BulkSelection(long pending, int limit, String criteria, String refusal) {

    static BulkSelection of(DeadLetterQuery query, long pending) {
        DeadLetterFilter criteria = query.criteria();
        int limit = (int) Math.max(1, Math.min(pending, RedriveService.MAX_BULK_ACTION));
        return new BulkSelection(
                pending,
                limit,
                criteria.describe(),
                refusal(query, criteria, pending).orElse(null));
    }

    /** The page's two buttons, by the path of their form post. */
    public List<String> actions() {
        return List.of("replay", "discard");
    }

    public boolean possible() {
        return refusal == null;
    }

    /** Whether there are more than one action may take: the confirmation then says that it takes the oldest. */
    public boolean capped() {
        return pending > limit;
    }

    private static Optional<String> refusal(DeadLetterQuery query, DeadLetterFilter criteria, long pending) {
        Optional<String> problem = query.problem();
        if (problem.isPresent()) {
            return problem;
        }
        if (!RedriveService.allowsBulkAction(criteria)) {
            return Optional.of("Bulk actions need a filter: choose a topic, reason, key, event type or time range");
        }
        if (query.excludesPending()) {
            return Optional.of("Bulk actions take pending dead letters only: filter by status PENDING or all");
        }
        if (pending == 0) {
            return Optional.of("No pending dead letter matches");
        }
        return Optional.empty();
    }
}
