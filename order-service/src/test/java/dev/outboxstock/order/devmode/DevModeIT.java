package dev.outboxstock.order.devmode;

import static org.hamcrest.Matchers.containsString;

import dev.outboxstock.localstack.FreePort;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import java.nio.file.Path;
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
    void startsOnTheLocalStackAndIsLive() {
        RestAssured.given()
                .port(PORT)
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body(containsString("\"UP\""));
        // The datasource points at the stack's orders database: the migrations ran there.
        RestAssured.given().port(PORT).get("/orders").then().statusCode(200);
    }

    @AfterAll
    static void forgetPort() {
        System.clearProperty("quarkus.http.port");
    }
}
