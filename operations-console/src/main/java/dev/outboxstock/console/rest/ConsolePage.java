package dev.outboxstock.console.rest;

import dev.outboxstock.console.deadletter.ActionKind;
import dev.outboxstock.console.overview.ConsoleOverview;
import dev.outboxstock.console.overview.DeadLetterQuery;
import dev.outboxstock.console.overview.DeadLetterSection;
import dev.outboxstock.console.overview.LagSection;
import dev.outboxstock.console.overview.OrdersSection;
import dev.outboxstock.console.overview.RelayRow;
import dev.outboxstock.console.overview.StockSection;
import dev.outboxstock.console.service.RedriveOutcome;
import dev.outboxstock.console.service.RedriveService;
import dev.outboxstock.console.service.UnroutableDeadLetterException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The operations console: one server-rendered page, and the form posts of its replay and discard buttons (the same
 * service as the API, the operator token in the form). Each post answers with a redirect to the page, which shows
 * the outcome, so that reloading the page never repeats an action.
 */
@Path("/")
public class ConsolePage {

    /** Printable ASCII, 1 to 64 characters: what the action log records of who acted. */
    private static final String OPERATOR_NAME = "[\\x20-\\x7e]{1,64}";

    private final ConsoleOverview overview;
    private final RedriveService redrive;
    private final OperatorToken token;

    public ConsolePage(ConsoleOverview overview, RedriveService redrive, OperatorToken token) {
        this.overview = overview;
        this.redrive = redrive;
        this.token = token;
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
                boolean failed);
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
            @RestQuery String outcome,
            @RestQuery boolean failed) {
        return Templates.console(
                overview.orders(),
                overview.stock(Optional.ofNullable(product).map(String::strip).filter(id -> !id.isEmpty())),
                overview.relays(),
                overview.consumerLag(),
                overview.deadLetters(new DeadLetterQuery(topic, status, reason, key, eventType)),
                outcome,
                failed);
    }

    @POST
    @Path("/console/dead-letters/{id}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public RestResponse<Void> replay(
            @RestPath long id, @RestForm String operator, @RestForm("token") String presentedToken) {
        return act(id, operator, presentedToken, redrive::replay);
    }

    @POST
    @Path("/console/dead-letters/{id}/discard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public RestResponse<Void> discard(
            @RestPath long id, @RestForm String operator, @RestForm("token") String presentedToken) {
        return act(id, operator, presentedToken, redrive::discard);
    }

    private RestResponse<Void> act(long id, String operator, String presentedToken, Action action) {
        Optional<String> refused = refusal(operator, presentedToken);
        if (refused.isPresent()) {
            return backToPage(refused.get(), true);
        }
        try {
            return action.perform(id, operator.strip())
                    .map(done -> backToPage(describe(done, id), false))
                    .orElseGet(() -> backToPage("No dead letter " + id, true));
        } catch (UnroutableDeadLetterException unroutable) {
            return backToPage("Dead letter " + id + " not replayed: " + unroutable.getMessage(), true);
        }
    }

    /** A replay or a discard of one dead letter; empty when there is no such dead letter. */
    @FunctionalInterface
    private interface Action {
        Optional<RedriveOutcome> perform(long id, String operator) throws UnroutableDeadLetterException;
    }

    private Optional<String> refusal(String operator, String presentedToken) {
        if (!token.matches(presentedToken)) {
            return Optional.of("Refused: the operator token is missing or wrong");
        }
        if (operator == null || !operator.strip().matches(OPERATOR_NAME)) {
            return Optional.of("Refused: say who you are (1 to 64 printable characters)");
        }
        return Optional.empty();
    }

    private static String describe(RedriveOutcome outcome, long id) {
        String done = outcome.action() == ActionKind.REPLAY ? "replayed" : "discarded";
        return "Dead letter " + id + " " + done + " by " + outcome.operator() + " (action " + outcome.actionId() + ")";
    }

    private static RestResponse<Void> backToPage(String outcome, boolean failed) {
        URI page = UriBuilder.fromPath("/")
                .queryParam("outcome", outcome)
                .queryParam("failed", failed)
                .fragment("dead-letters")
                .build();
        return RestResponse.seeOther(page);
    }
}
