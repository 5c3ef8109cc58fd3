package dev.outboxstock.console.rest;

import dev.outboxstock.console.overview.DeadLetterQuery;
import dev.outboxstock.console.service.RedriveService;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The form of the page's "Replay all" and "Discard all" buttons: the page's filter as it was shown, and how many the
 * operator confirmed (the signed-in operator's token authorises the post and names who acts, as for the page).
 */
public class BulkForm {

    @RestForm
    String topic;

    @RestForm
    String reason;

    @RestForm
    String key;

    @RestForm
    String eventType;

    @RestForm
    String from;

    @RestForm
    String to;

    @RestForm
    Integer limit;

    /** The filter, read exactly as the page read it to count what the operator confirmed (status: pending). */
    DeadLetterQuery query() {
        return new DeadLetterQuery(topic, null, reason, key, eventType, from, to);
    }

    /** The confirmed count, within what the bulk API allows. */
    int limitOrDefault() {
        return limit == null
                ? BulkActionRequest.DEFAULT_LIMIT
                : Math.max(1, Math.min(limit, RedriveService.MAX_BULK_ACTION));
    }
}
