package dev.outboxstock.console.rest;

import dev.outboxstock.console.deadletter.ActionKind;
import dev.outboxstock.console.overview.BulkSelection;
import dev.outboxstock.console.overview.ConsoleOverview;
import dev.outboxstock.console.overview.DeadLetterQuery;
import dev.outboxstock.console.overview.DeadLetterSection;
import dev.outboxstock.console.overview.LagSection;
import dev.outboxstock.console.overview.OrdersSection;
import dev.outboxstock.console.overview.RelayRow;
import dev.outboxstock.console.overview.StockSection;
import dev.outboxstock.console.service.NoDeadLetterMatchesException;
import dev.outboxstock.console.service.RedriveOutcome;
import dev.outboxstock.console.service.RedriveService;
import dev.outboxstock.console.service.UnnarrowedBulkActionException;
import dev.outboxstock.console.service.UnroutableDeadLetterException;
import dev.outboxstock.problem.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The operations console: one server-rendered page, and the form posts of its replay and discard buttons (the same
 * service as the API). Each post answers with a redirect to the page, which shows the outcome, so that reloading the
 * page never repeats an action. For operators only: the browser presents the token {@link SignInPage} stored in a
 * cookie, and one without a valid token is sent there. Each form carries the session's CSRF token, which
 * {@link CrossSiteRequestGuard} requires of every post the cookie authenticates.
 */
@Path("/")
@RolesAllowed(Roles.OPERATOR)
public class ConsolePage {

    private final ConsoleOverview overview;
    private final RedriveService redrive;
    private final SignedInOperator operator;
    private final CsrfTokens csrfTokens;

    public ConsolePage(
            ConsoleOverview overview, RedriveService redrive, SignedInOperator operator, CsrfTokens csrfTokens) {
        this.overview = overview;
        this.redrive = redrive;
        this.operator = operator;
        this.csrfTokens = csrfTokens;
    }

    /** A browser without a valid operator token is sent to sign in, rather than shown a bare 401. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public RestResponse<Void> signInFirst() {
        return RestResponse.seeOther(URI.create(SignInPage.PATH));
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance console(
                OrdersSection orders,
                StockSection stock,
                List<RelayRow> relays,
                List<LagSection> lag,
                DeadLetterSection deadLetters,
                String outcome,
                boolean failed,
                String operator,
                String csrf);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance page(
            @RestQuery String product,
            @RestQuery String topic,
            @RestQuery String status,
            @RestQuery String reason,
            @RestQuery String key,
            @RestQuery String eventType,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery String outcome,
            @RestQuery boolean failed,
            @RestCookie(SignInPage.COOKIE) String session) {
        return Templates.console(
                overview.orders(),
                overview.stock(Optional.ofNullable(product).map(String::strip).filter(id -> !id.isEmpty())),
                overview.relays(),
                overview.consumerLag(),
                overview.deadLetters(new DeadLetterQuery(topic, status, reason, key, eventType, from, to)),
                outcome,
                failed,
                operator.name(),
                // Each form carries the session's token (CrossSiteRequestGuard); a page read with a bearer header
                // has no session, and its forms none.
                session == null ? "" : csrfTokens.of(session));
    }

    /** Replays or discards one dead letter: the buttons of its row. */
    @POST
    @Path("/console/dead-letters/{id}/{action: replay|discard}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public RestResponse<Void> act(@RestPath long id, @RestPath String action) {
        try {
            return redrive.actOn(actionKind(action), id, operator.name())
                    .map(done -> backToPage(describe(done, id), false))
                    .orElseGet(() -> backToPage("No dead letter " + id, true));
        } catch (UnroutableDeadLetterException unroutable) {
            return backToPage("Dead letter " + id + " not replayed: " + unroutable.getMessage(), true);
        }
    }

    /**
     * Replays or discards (the buttons of {@link BulkSelection#actions()}) the pending dead letters the page's filter
     * selects, at most as many as the operator confirmed.
     */
    @POST
    @Path("/console/dead-letters/{action: replay|discard}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public RestResponse<Void> actOnAll(@RestPath String action, @BeanParam BulkForm form) {
        DeadLetterQuery query = form.query();
        Optional<String> refused = query.problem().map(problem -> "Refused: " + problem);
        if (refused.isPresent()) {
            return backToPage(refused.get(), true, query);
        }
        try {
            RedriveOutcome done =
                    redrive.actOnAll(actionKind(action), query.criteria(), form.limitOrDefault(), operator.name());
            return backToPage(BulkOutcomeText.of(done), false, query);
        } catch (UnnarrowedBulkActionException unnarrowed) {
            return backToPage("Refused: " + unnarrowed.getMessage(), true, query);
        } catch (NoDeadLetterMatchesException none) {
            return backToPage(none.getMessage(), true, query);
        }
    }

    /** The action a form posts to, by the last segment of its path (which the routes' patterns limit). */
    private static ActionKind actionKind(String action) {
        return ActionKind.valueOf(action.toUpperCase(Locale.ROOT));
    }

    private static String describe(RedriveOutcome outcome, long id) {
        String done = outcome.action() == ActionKind.REPLAY ? "replayed" : "discarded";
        return "Dead letter " + id + " " + done + " by " + outcome.operator() + " (action " + outcome.actionId() + ")";
    }

    private static RestResponse<Void> backToPage(String outcome, boolean failed) {
        return RestResponse.seeOther(outcomeUri(UriBuilder.fromPath("/"), outcome, failed));
    }

    /** Back to the page with the filter the action was taken on, so that its rows show what the action did. */
    private static RestResponse<Void> backToPage(String outcome, boolean failed, DeadLetterQuery query) {
        UriBuilder page = UriBuilder.fromPath("/");
        keep(page, "topic", query.topic());
        keep(page, "reason", query.reason());
        keep(page, "key", query.key());
        keep(page, "eventType", query.eventType());
        keep(page, "from", query.from());
        keep(page, "to", query.to());
        return RestResponse.seeOther(outcomeUri(page, outcome, failed));
    }

    private static void keep(UriBuilder page, String name, String value) {
        if (value != null && !value.isBlank()) {
            page.queryParam(name, value.strip());
        }
    }

    private static URI outcomeUri(UriBuilder page, String outcome, boolean failed) {
        return page.queryParam("outcome", outcome)
                .queryParam("failed", failed)
                .fragment("dead-letters")
                .build();
    }
}
