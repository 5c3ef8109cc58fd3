package dev.outboxstock.order.devmode;

import static org.hamcrest.Matchers.containsString;

import dev.outboxstock.localstack.FreePort;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * order-service in dev mode, as {@code ./mvnw -pl order-service quarkus:dev} runs it, on a machine without Docker:
 * the dev-services extension starts the local stack (or joins the one a developer's dev mode runs), the migrations
 * run against it, and the service answers its health checks. Nothing is configured for the test: the dev profile's
 * settings and the dev services must be enough.
 */
class DevModeIT {

    /** Dev mode serves on its configured port (8081), which a developer's own dev mode may hold: a free one here. */
    private static final int PORT = FreePort.find();

    static {
        System.setProperty("quarkus.http.port", String.valueOf(PORT));
    }

    @RegisterExtension
    static final QuarkusDevModeTest DEV_MODE = new QuarkusDevModeTest()
            .withApplicationRoot(application -> application
                    .as(ExplodedImporter.class)
                    .importDirectory(Path.of("target", "classes").toFile()));

    @Test
    void startsOnTheLocalStackAndIsLive() throws IOException {
        RestAssured.given()
                .port(PORT)
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body(containsString("\"UP\""));
        // The datasource points at the stack's orders database: the migrations ran there. The dev stack's token of
        // an operator is accepted: the service verifies against the stack's JWKS.
        RestAssured.given()
                .port(PORT)
                .auth()
                .oauth2(devModeToken("operator"))
                .get("/orders")
                .then()
                .statusCode(200);
        RestAssured.given().port(PORT).get("/orders").then().statusCode(401);
    }

    /** A token the dev stack wrote for {@code role} (dev-services' DevStack). */
    private static String devModeToken(String role) throws IOException {
        Properties tokens = new Properties();
        try (InputStream in = Files.newInputStream(
                Path.of(System.getProperty("java.io.tmpdir"), "outbox-stock-dev-tokens.properties"))) {
            tokens.load(in);
        }
        return tokens.getProperty(role);
    }

    @AfterAll
    static void forgetPort() {
        System.clearProperty("quarkus.http.port");
    }
}
