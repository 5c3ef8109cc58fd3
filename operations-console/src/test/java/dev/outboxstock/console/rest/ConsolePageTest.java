package dev.outboxstock.console.rest;

import static dev.outboxstock.console.rest.OperatorRequests.asOperator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.outboxstock.console.OperationsTestResource;
import dev.outboxstock.contract.testing.OpenApiLint;
import dev.outboxstock.problem.Roles;
import dev.outboxstock.token.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
        asOperator()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("order-service: http://localhost:1"))
                .body(containsString("Dead letters"))
                .body(containsString("No relay configured"));
    }

    @Test
    void aBrowserWithoutAValidTokenIsSentToSignIn() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/sign-in"));
        given().redirects()
                .follow(false)
                .cookie("console-token", TestTokens.operator() + "x")
                .get("/")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/sign-in"));
        given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .post("/console/dead-letters/1/replay")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/sign-in"));
        given().get("/sign-in").then().statusCode(200).body(containsString("Access token"));
    }

    @Test
    void signingInKeepsTheTokenInAStrictHttpOnlyCookieThatOpensThePage() {
        String token = TestTokens.operator();
        given().redirects()
                .follow(false)
                .formParam("token", token)
                .post("/sign-in")
                .then()
                .statusCode(303)
                .header("Set-Cookie", containsString("console-token=" + token))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"));
        given().cookie("console-token", token).get("/").then().statusCode(200).body(containsString("Dead letters"));
    }

    @Test
    void theCookieIsSecureUnlessTheConsoleIsReachedOverPlainHttpOnThisMachine() {
        given().redirects()
                .follow(false)
                .formParam("token", TestTokens.operator())
                .post("/sign-in")
                .then()
                .statusCode(303)
                .header("Set-Cookie", not(containsString("Secure")));
        // An ingress that forwards no scheme: the host is still not this machine's.
        given().redirects()
                .follow(false)
                .header("Host", "console.example.com")
                .formParam("token", TestTokens.operator())
                .post("/sign-in")
                .then()
                .statusCode(303)
                .header("Set-Cookie", containsString("Secure"));
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefusedAndSetsNoCookie() {
        given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "cross-site")
                .formParam("token", TestTokens.operator())
                .post("/sign-in")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .header("Set-Cookie", nullValue());
    }

    @Test
    void aTokenWithoutTheOperatorRoleCannotSeeThePage() {
        given().auth().oauth2(TestTokens.customer()).get("/").then().statusCode(403);
    }

    @Test
    void aFormActionForAnUnknownDeadLetterSaysSo() {
        asOperator()
                .redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .post("/console/dead-letters/999999999/discard")
                .then()
                .statusCode(303)
                .header("Location", containsString("999999999"))
                .header("Location", containsString("failed=true"));
    }

    @Test
    void aBadProductIdIsShownNotSent() {
        asOperator()
                .get("/?product=not a product!")
                .then()
                .statusCode(200)
                .body(containsString("a product id is 1 to 64 letters"));
    }

    @Test
    void theOpenApiDocumentDescribesTheRedriveApi() {
        asOperator()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/dead-letters/{id}/replay'.post", notNullValue())
                .body("paths.'/dead-letters/{id}/replay'.post.security[0].bearer", contains(Roles.OPERATOR))
                .body("info.title", equalTo("operations-console"));

        String document = given().get("/q/openapi?format=json").asString();
        assertThat(OpenApiLint.servedViolations(document)).isEmpty();
    }
}
