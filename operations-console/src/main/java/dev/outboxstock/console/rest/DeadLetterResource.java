package dev.outboxstock.console.rest;

import dev.outboxstock.console.deadletter.DeadLetterFilter;
import dev.outboxstock.console.deadletter.DeadLetterStatus;
import dev.outboxstock.console.deadletter.TimeText;
import dev.outboxstock.console.service.DeadLetterPage;
import dev.outboxstock.console.service.RedriveOutcome;
import dev.outboxstock.console.service.RedriveService;
import dev.outboxstock.console.service.UnroutableDeadLetterException;
import dev.outboxstock.problem.Problem;
import dev.outboxstock.problem.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The dead letters of every dead-letter topic: list, show, replay and discard, for operators only (the action log
 * names the operator the bearer token names). An API client sends its token in the {@code Authorization} header and
 * needs no CSRF token; a browser's page that calls this API with the sign-in cookie sends the session's token in
 * {@code X-CSRF-Token} ({@link CrossSiteRequestGuard}).
 */
@Path("/dead-letters")
@RolesAllowed(Roles.OPERATOR)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class DeadLetterResource {

    static final int MAX_PAGE_SIZE = 200;

    private final RedriveService redrive;
    private final SignedInOperator operator;

    public DeadLetterResource(RedriveService redrive, SignedInOperator operator) {
        this.redrive = redrive;
        this.operator = operator;
    }

    /** Dead letters, newest first, a page at a time; {@code reason} matches a part of the reason in any case. */
    @GET
    public DeadLetterPageResponse list(
            @RestQuery @Pattern(regexp = DeadLetterTopicNames.PATTERN, message = DeadLetterTopicNames.MESSAGE)
                    String topic,
            @RestQuery
                    @Pattern(
                            regexp = "PENDING|REPLAYED|DISCARDED",
                            message = "status must be PENDING, REPLAYED or DISCARDED")
                    String status,
            @RestQuery @Size(max = 200, message = "reason must be at most {max} characters") String reason,
            @RestQuery @Size(max = 255, message = "key must be at most {max} characters") String key,
            @RestQuery @Size(max = 255, message = "eventType must be at most {max} characters") String eventType,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery @DefaultValue("0") @Min(value = 0, message = "page must not be negative") int page,
            @RestQuery
                    @DefaultValue("20")
                    @Min(value = 1, message = "size must be at least {value}")
                    @Max(value = MAX_PAGE_SIZE, message = "size must be at most {value}")
                    int size) {
        DeadLetterFilter filter = new DeadLetterFilter(
                present(topic),
                present(status).map(DeadLetterStatus::valueOf),
                present(reason),
                present(key),
                present(eventType),
                instant("from", from),
                instant("to", to));
        DeadLetterPage found = redrive.list(filter, page, size);
        return new DeadLetterPageResponse(
                found.items().stream().map(DeadLetterSummary::of).toList(), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    public DeadLetterResponse get(@RestPath long id) {
        return redrive.find(id).map(DeadLetterResponse::of).orElseThrow(() -> noDeadLetter(id));
    }

    /**
     * Sends the dead letter to its original topic again, with its key, event id and headers (a relay's dead letter:
     * routed from its row). Safe to repeat: consumers apply an event id once. 422 when it still cannot be routed.
     */
    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON) // no body; a form post of another site is not even matched (415)
    public RedriveOutcome replay(@RestPath long id) throws UnroutableDeadLetterException {
        return redrive.replay(id, operator.name()).orElseThrow(() -> noDeadLetter(id));
    }

    /** Marks the dead letter as thrown away on purpose. */
    @POST
    @Path("/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON) // as replay
    public RedriveOutcome discard(@RestPath long id) {
        return redrive.discard(id, operator.name()).orElseThrow(() -> noDeadLetter(id));
    }

    /** Replays the pending dead letters the filter selects, oldest first; 422 when it selects none. */
    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    public RedriveOutcome replayAll(@NotNull(message = "a request body is required") @Valid BulkActionRequest request) {
        return redrive.replayAll(request.filter(), request.limitOrDefault(), operator.name());
    }

    /** Discards the pending dead letters the filter selects; 422 when it selects none. */
    @POST
    @Path("/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    public RedriveOutcome discardAll(
            @NotNull(message = "a request body is required") @Valid BulkActionRequest request) {
        return redrive.discardAll(request.filter(), request.limitOrDefault(), operator.name());
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isEmpty());
    }

    private static Optional<Instant> instant(String name, String value) {
        return present(value).map(text -> TimeText.INSTANT_ONLY.read(text).orElseThrow(() -> notAnInstant(name)));
    }

    private static BadRequestException notAnInstant(String name) {
        return new BadRequestException(name + " must be an instant such as 2026-11-30T10:15:30Z");
    }

    private static NotFoundException noDeadLetter(long id) {
        return new NotFoundException("No dead letter " + id);
    }
}
