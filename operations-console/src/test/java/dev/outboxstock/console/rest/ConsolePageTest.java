package dev.outboxstock.console.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.outboxstock.console.OperationsTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The page without the services behind it (the test points the console at nothing): each section says why it is
 * empty, and the page still renders. The browser test in local-system shows it with the whole system.
 */
@QuarkusTest
@OperationsTestResource
class ConsolePageTest {

    @Test
    void rendersEvenWhenTheServicesCannotBeReached() {
        given().get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("order-service: http://localhost:1"))
                .body(containsString("Dead letters"))
                .body(containsString("No relay configured"));
    }

    @Test
    void aFormActionWithoutTheTokenIsRefusedAndSaysSo() {
        given().redirects()
                .follow(false)
                .formParam("operator", "mallory")
                .formParam("token", "guess")
                .post("/console/dead-letters/1/replay")
                .then()
                .statusCode(303)
                .header("Location", containsString("outcome=Refused"))
                .header("Location", containsString("failed=true"));
    }

    @Test
    void aFormActionForAnUnknownDeadLetterSaysSo() {
        given().redirects()
                .follow(false)
                .formParam("operator", "alice")
                .formParam("token", DeadLetterRedriveTest.TOKEN)
                .post("/console/dead-letters/999999999/discard")
                .then()
                .statusCode(303)
                .header("Location", containsString("999999999"))
                .header("Location", containsString("failed=true"));
    }

    @Test
    void aBadProductIdIsShownNotSent() {
        given().get("/?product=not a product!")
                .then()
                .statusCode(200)
                .body(containsString("a product id is 1 to 64 letters"));
    }

    @Test
    void theOpenApiDocumentDescribesTheRedriveApi() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/dead-letters/{id}/replay'.post", notNullValue())
                .body("info.title", equalTo("operations-console"));
    }
}
