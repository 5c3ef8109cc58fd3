package dev.outboxstock.console.rest;

import static dev.outboxstock.console.rest.OperatorRequests.asOperator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.outboxstock.console.DeadLetterProducer;
import dev.outboxstock.console.OperationsTestResource;
import dev.outboxstock.token.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The page's "Replay all" and "Discard all" buttons: what they offer for a filter, and what their form posts do. */
@QuarkusTest
@OperationsTestResource
class ConsoleBulkActionsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void thePageOffersTheFilteredSetAndTheFormDiscardsExactlyIt() {
        String product = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        try (DeadLetterProducer deadLetters = new DeadLetterProducer(bootstrapServers)) {
            for (int quantity = 1; quantity <= 3; quantity++) {
                deadLetters.stockEventDeadLetter(UUID.randomUUID(), product, quantity, "batch " + product);
            }
        }
        DeadLetterRedriveTest.awaitListed(product, 3);

        asOperator()
                .get("/?reason={reason}", "batch " + product)
                .then()
                .statusCode(200)
                .body(containsString("Discard all 3 matching</button>"))
                .body(containsString("Replay all 3 matching</button>"))
                .body(containsString("Discard 3 pending dead letter(s) matching reason~batch " + product));

        assertThat(redirectOf(asAlice().formParam("reason", "batch " + product).formParam("limit", "3")))
                .contains("Discarded 3 dead letters by alice")
                .contains("failed=false")
                .contains("reason=batch " + product);
        asOperator()
                .get("/dead-letters?key={key}&status=DISCARDED", product)
                .then()
                .body("total", equalTo(3));
        asOperator()
                .get("/redrive-actions?size=200")
                .then()
                .body("findAll { it.selection == 'reason~batch " + product + "' }.size()", equalTo(1))
                .body("find { it.selection == 'reason~batch " + product + "' }.count", equalTo(3))
                .body("find { it.selection == 'reason~batch " + product + "' }.operator", equalTo("alice"));
        asOperator()
                .get("/?reason={reason}", "batch " + product)
                .then()
                .body(containsString("No pending dead letter matches"))
                .body(containsString("Discard all 0 matching</button>"));
    }

    @Test
    void withoutACriterionTheButtonsAreOffAndTheFormIsRefused() {
        asOperator()
                .get("/?status=PENDING")
                .then()
                .statusCode(200)
                .body(containsString("Bulk actions need a filter"))
                .body(containsString("class=\"discard all\" disabled"));
        asOperator().get("/?key=k&status=REPLAYED").then().body(containsString("pending dead letters only"));
        asOperator().get("/?key=k&from=yesterday").then().body(containsString("From is not a time"));

        refused(asAlice().formParam("topic", " "), "a bulk action must name at least one criterion");
        refused(asAlice().formParam("key", "k").formParam("from", "yesterday"), "From is not a time");
        assertThat(redirectOf(asAlice().formParam("key", "no-such-key-" + UUID.randomUUID()), "replay"))
                .contains("No pending dead letter matches")
                .contains("failed=true");
        asOperator()
                .get("/redrive-actions?size=200")
                .then()
                .body("selection", not(hasItem(containsString("no-such-key-"))));
    }

    @Test
    void onlyASignedInOperatorMayActOnAll() {
        discardAsMallory(given().redirects().follow(false)).statusCode(303).header("Location", endsWith("/sign-in"));
        discardAsMallory(given().auth().oauth2(TestTokens.customer())).statusCode(403);
        asOperator().get("/redrive-actions?size=200").then().body("operator", not(hasItem("mallory")));
    }

    private static ValidatableResponse discardAsMallory(RequestSpecification request) {
        return request.formParam("key", "k")
                .post("/console/dead-letters/discard")
                .then();
    }

    /** Signed in as alice: the action log names her, whatever a form might claim. */
    private static RequestSpecification asAlice() {
        return asOperator("alice").formParam("operator", "mallory");
    }

    /** The form post is answered with the page saying why it was refused. */
    private static void refused(RequestSpecification form, String why) {
        assertThat(redirectOf(form)).contains("Refused").contains(why).contains("failed=true");
    }

    private static String redirectOf(RequestSpecification form) {
        return redirectOf(form, "discard");
    }

    /** Where the bulk form's post sends the browser, decoded: the page with the outcome. */
    private static String redirectOf(RequestSpecification form, String action) {
        String location = form.redirects()
                .follow(false)
                .post("/console/dead-letters/" + action)
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        return URLDecoder.decode(location, StandardCharsets.UTF_8);
    }
}
