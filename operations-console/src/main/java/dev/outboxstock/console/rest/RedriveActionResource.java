package dev.outboxstock.console.rest;

import dev.outboxstock.console.deadletter.RedriveAction;
import dev.outboxstock.console.service.RedriveService;
import dev.outboxstock.problem.Problem;
import dev.outboxstock.problem.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/** The action log: every replay and discard, newest first. */
@Path("/redrive-actions")
@RolesAllowed(Roles.OPERATOR)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class RedriveActionResource {

    private final RedriveService redrive;

    public RedriveActionResource(RedriveService redrive) {
        this.redrive = redrive;
    }

    @GET
    public List<Entry> list(
            @RestQuery @DefaultValue("0") @Min(value = 0, message = "page must not be negative") int page,
            @RestQuery
                    @DefaultValue("20")
                    @Min(value = 1, message = "size must be at least {value}")
                    @Max(value = DeadLetterResource.MAX_PAGE_SIZE, message = "size must be at most {value}")
                    int size) {
        return redrive.actions(page, size).stream().map(Entry::of).toList();
    }

    /** One action: what, by whom, when, of which dead letters, how many. */
    public record Entry(long id, String action, String operator, Instant performedAt, String selection, int count) {

        static Entry of(RedriveAction action) {
            return new Entry(
                    action.id(),
                    action.action().name(),
                    action.operator(),
                    action.performedAt(),
                    action.selection(),
                    action.recordCount());
        }
    }
}
