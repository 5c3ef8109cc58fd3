package dev.outboxstock.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents in the OpenAPI document the problem answers ({@code application/problem+json}, {@link Problem}) that
 * every operation can give, whatever resource declares it: this library's exception mappers give them all alike, and a
 * 404 to every operation whose path names something by id. An answer only one operation gives (409, 422) is declared
 * on the operation itself.
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

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
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
            }
        }
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, problem(description));
        }
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
