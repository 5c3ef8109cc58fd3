package dev.outboxstock.console.rest;

import static dev.outboxstock.console.rest.OperatorRequests.asOperator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.outboxstock.console.DeadLetterProducer;
import dev.outboxstock.console.OperationsTestResource;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.localstack.testing.TestDatabase;
import dev.outboxstock.token.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A state change the sign-in cookie authenticates is done only when posted from the console's page with the session's
 * CSRF token: a forged one (no token, a wrong one, another session's, from another site) is refused with a 403
 * problem and changes nothing, against real PostgreSQL and Kafka.
 */
@QuarkusTest
@OperationsTestResource
class ForgedRequestTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectLocalStack
    LocalStack stack;

    private TestDatabase database;
    private String alice;
    private long id;

    @BeforeEach
    void aPendingDeadLetter() {
        database = new TestDatabase(stack, "operations");
        alice = TestTokens.operator("alice");
        String key = "forged-" + UUID.randomUUID().toString().substring(0, 8);
        try (DeadLetterProducer deadLetters = new DeadLetterProducer(bootstrapServers)) {
            deadLetters.stockEventDeadLetter(UUID.randomUUID(), key, 1, "forgery test");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> asOperator()
                        .get("/dead-letters?key={key}", key)
                        .then()
                        .extract()
                        .path("total")
                        .equals(1));
        id = asOperator()
                .get("/dead-letters?key={key}", key)
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");
    }

    @Test
    void aFormPostWithoutTheSessionsTokenIsRefusedAndChangesNothing() {
        String bobsToken = csrfOfPage(TestTokens.operator("bob"));

        refused(form -> form.post("/console/dead-letters/{id}/discard", id));
        refused(form -> form.formParam("csrf", "not-the-token").post("/console/dead-letters/{id}/discard", id));
        refused(form -> form.formParam("csrf", bobsToken).post("/console/dead-letters/{id}/replay", id));
        refused(form -> form.formParam("csrf", "").formParam("key", "forged-").post("/console/dead-letters/discard"));
    }

    @Test
    void aFormPostFromAnotherSiteIsRefusedEvenWithTheToken() {
        String token = csrfOfPage(alice);

        refused(form -> form.header("Origin", "https://evil.example.org")
                .formParam("csrf", token)
                .post("/console/dead-letters/{id}/discard", id));
        refused(form -> form.header("Sec-Fetch-Site", "same-site")
                .formParam("csrf", token)
                .post("/console/dead-letters/{id}/replay", id));
    }

    @Test
    void theApiCalledWithTheCookieNeedsTheTokenTooAndTakesNoForm() {
        long before = actions();

        given().cookie(SignInPage.COOKIE, alice)
                .contentType(ContentType.JSON)
                .post("/dead-letters/{id}/discard", id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().cookie(SignInPage.COOKIE, alice)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrfOfPage(alice))
                .post("/dead-letters/{id}/replay", id)
                .then()
                .statusCode(415);

        assertUnchanged(before);
        given().cookie(SignInPage.COOKIE, alice)
                .header("X-CSRF-Token", csrfOfPage(alice))
                .contentType(ContentType.JSON)
                .post("/dead-letters/{id}/discard", id)
                .then()
                .statusCode(200)
                .body("operator", equalTo("alice"));
    }

    @Test
    void thePagesOwnFormWithItsTokenWorks() {
        String token = csrfOfPage(alice);

        given().cookie(SignInPage.COOKIE, alice)
                .redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "same-origin")
                .contentType(ContentType.URLENC)
                .formParam("csrf", token)
                .post("/console/dead-letters/{id}/discard", id)
                .then()
                .statusCode(303)
                .header("Location", containsString("failed=false"));

        asOperator().get("/dead-letters/{id}", id).then().body("status", equalTo("DISCARDED"));
    }

    /** The token the page rendered for the session signed in with {@code token} puts in its forms. */
    private static String csrfOfPage(String token) {
        String page = given().cookie(SignInPage.COOKIE, token)
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher field = CSRF_FIELD.matcher(page);
        assertThat(field.find()).as("a form with a csrf field").isTrue();
        return field.group(1);
    }

    /** Posts a form signed in as alice, as {@code post} says: refused with a 403 problem, and nothing done. */
    private void refused(Function<RequestSpecification, Response> post) {
        long before = actions();

        post.apply(given().cookie(SignInPage.COOKIE, alice)
                        .redirects()
                        .follow(false)
                        .contentType(ContentType.URLENC))
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        assertUnchanged(before);
    }

    private void assertUnchanged(long actionsBefore) {
        assertThat(actions()).isEqualTo(actionsBefore);
        assertThat(database.number("SELECT count(*) FROM dead_letter WHERE id = ? AND status = 'PENDING'", id))
                .isEqualTo(1);
    }

    private long actions() {
        return database.number("SELECT count(*) FROM redrive_action");
    }
}
