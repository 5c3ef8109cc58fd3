package dev.outboxstock.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents in the OpenAPI document the problem answers ({@code application/problem+json}, {@link Problem}) that
 * every operation can give, whatever resource declares it: this library's exception mappers give them all alike, and a
 * 404 to every operation whose path names something by id. An answer only one operation gives (409, 422) is declared
 * on the operation itself. A secured operation (its roles from {@code @RolesAllowed}) documents its 401 and 403 as
 * problems too. The {@link Problem} schema is added when no operation of the service named it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemAnswers implements OASFilter {

    static final String SCHEMA = "#/components/schemas/Problem";

    private static final Map<String, String> EVERY_OPERATION = Map.of(
            "400",
            "Invalid request: a parameter or field violates its constraint (each listed in violations), or the JSON"
                    + " is unreadable, mistyped or has an unknown field",
            "503",
            "The database is out of reach, or the outbox cannot take events now: nothing was written; try again"
                    + " after Retry-After",
            "500",
            "An unexpected failure");

    private static final Map<String, String> WITH_A_BODY = Map.of(
            "413", "The body is larger than the limit",
            "415", "The body is not application/json");

    private static final Map<String, String> SECURED = Map.of(
            "401",
            "No bearer token, or one that is malformed, wrongly signed, expired, not yet valid, or of another issuer"
                    + " or audience (WWW-Authenticate: Bearer)",
            "403",
            "The token's roles do not allow this operation");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        addProblemSchemaIfMissing(openAPI);
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            String pathName = path.getKey();
            for (Operation operation : path.getValue().getOperations().values()) {
                APIResponses responses = operation.getResponses();
                EVERY_OPERATION.forEach((status, description) -> addIfMissing(responses, status, description));
                if (operation.getRequestBody() != null) {
                    WITH_A_BODY.forEach((status, description) -> addIfMissing(responses, status, description));
                }
                if (pathName.contains("{id}")) {
                    addIfMissing(responses, "404", "Nothing has the id in the path");
                }
                if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                    // Replaces the bare ones SmallRye adds: these answers are problems too.
                    SECURED.forEach((status, description) -> responses.addAPIResponse(status, problem(description)));
                }
            }
        }
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, problem(description));
        }
    }

    /** The problem's shape, as {@link Problem} serialises it (empty fields left out). */
    private static void addProblemSchemaIfMissing(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas() != null && components.getSchemas().containsKey("Problem")) {
            return;
        }
        Schema violation = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text())
                .addProperty("message", text());
        components.addSchema(
                "Problem",
                OASFactory.createSchema()
                        .description("An RFC 7807 problem detail; violations lists the invalid fields of a request")
                        .addType(Schema.SchemaType.OBJECT)
                        .addProperty("type", text())
                        .addProperty("title", text())
                        .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                        .addProperty("detail", text())
                        .addProperty(
                                "violations",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.ARRAY)
                                        .items(violation)));
    }

    private static Schema text() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref(SCHEMA))));
    }
}
