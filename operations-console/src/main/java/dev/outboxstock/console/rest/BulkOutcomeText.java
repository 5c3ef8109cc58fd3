package dev.outboxstock.console.rest;

import dev.outboxstock.console.deadletter.ActionKind;
import dev.outboxstock.console.service.RedriveOutcome;
import java.util.stream.Collectors;

/** What a bulk action from the page did, in the words the page shows: how many, by whom, and what it left. */
final class BulkOutcomeText {

    private BulkOutcomeText() {}

    static String of(RedriveOutcome outcome) {
        String done = outcome.action() == ActionKind.REPLAY ? "Replayed" : "Discarded";
        String text = done + " " + outcome.count() + " dead letter" + (outcome.count() == 1 ? "" : "s") + " by "
                + outcome.operator() + " (action " + outcome.actionId() + ")";
        if (outcome.skipped().isEmpty()) {
            return text;
        }
        return text + "; left pending: "
                + outcome.skipped().stream()
                        .map(skipped -> skipped.deadLetterId() + " (" + skipped.reason() + ")")
                        .collect(Collectors.joining(", "));
    }
}
