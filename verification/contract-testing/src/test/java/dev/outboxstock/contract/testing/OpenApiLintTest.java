package dev.outboxstock.contract.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lint finds what Redocly's recommended ruleset reports, on documents made to break one rule each. */
class OpenApiLintTest {

    /** A document that breaks no rule: one secured operation, a relative server and a licence with its address. */
    private static final String CLEAN = """
            {"openapi": "3.1.0",
             "info": {"title": "t", "version": "1", "license": {"name": "Apache 2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0.html"}},
             "servers": [{"url": "/"}],
             "tags": [{"name": "Orders", "description": "Orders."}],
             "security": [{"bearer": []}],
             "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
                            "schemas": {"Order": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}}},
             "paths": {"/orders/{id}": {"get": {"operationId": "get", "summary": "One order", "tags": ["Orders"],
               "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
               "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}},
                             "401": {"description": "no"}, "403": {"description": "no"}, "404": {"description": "no"}}}}}}
            """;

    @Test
    void aDocumentThatKeepsEveryRuleHasNoViolation() {
        assertThat(OpenApiLint.violations(CLEAN)).isEmpty();
    }

    @Test
    void aDocumentWithoutServersOrWithAnAbsoluteOneEndingInASlashIsAnError() {
        assertThat(OpenApiLint.violations(CLEAN.replace("\"servers\": [{\"url\": \"/\"}],", "")))
                .containsExactly("servers: no-empty-servers");
        assertThat(OpenApiLint.violations(CLEAN.replace("{\"url\": \"/\"}", "{\"url\": \"https://api.example.com/\"}")))
                .containsExactly(
                        "servers: no-server-trailing-slash, https://api.example.com/",
                        "servers: no-server-example.com, https://api.example.com/");
    }

    @Test
    void aDocumentWithoutALicenceOrItsAddressIsWarnedAbout() {
        assertThat(OpenApiLint.violations(CLEAN.replace(
                        "\"license\": {\"name\": \"Apache 2.0\", \"url\": \"https://www.apache.org/licenses/LICENSE-2.0.html\"}",
                        "\"x\": 1")))
                .containsExactly("info: info-license, no license");
        assertThat(OpenApiLint.violations(
                        CLEAN.replace(", \"url\": \"https://www.apache.org/licenses/LICENSE-2.0.html\"", "")))
                .containsExactly("info.license: info-license-strict, neither url nor identifier");
    }

    @Test
    void anOperationWithoutASummaryOrAnIdIsReported() {
        assertThat(OpenApiLint.violations(CLEAN.replace("\"operationId\": \"get\", \"summary\": \"One order\", ", "")))
                .containsExactly(
                        "GET /orders/{id}: operation-operationId, none", "GET /orders/{id}: operation-summary, none");
    }

    @Test
    void aTagWithoutDescriptionAnUnusedComponentAndAnUndefinedRequiredPropertyAreReported() {
        assertThat(OpenApiLint.violations(CLEAN.replace(", \"description\": \"Orders.\"", "")))
                .containsExactly("tags: tag-description, Orders");
        assertThat(OpenApiLint.violations(
                        CLEAN.replace("{\"$ref\": \"#/components/schemas/Order\"}", "{\"type\": \"object\"}")))
                .containsExactly("#/components/schemas/Order: no-unused-components");
        assertThat(OpenApiLint.violations(CLEAN.replace("\"required\": [\"id\"]", "\"required\": [\"number\"]")))
                .containsExactly("#/components/schemas/Order: no-required-schema-properties-undefined, number");
    }

    @Test
    void pathsARequestCouldMatchBothAreAmbiguousButAMoreSpecificOneIsNot() {
        String operation = "{\"get\": {\"operationId\": \"%s\", \"summary\": \"s\","
                + " \"parameters\": [{\"name\": \"%s\", \"in\": \"path\", \"required\": true}],"
                + " \"responses\": {\"200\": {\"description\": \"ok\"}, \"401\": {\"description\": \"no\"},"
                + " \"403\": {\"description\": \"no\"}}}}";
        String ambiguous = CLEAN.replace(
                "\"paths\": {",
                "\"paths\": {\"/a/{x}/c\": " + operation.formatted("one", "x") + ", \"/{y}/b/c\": "
                        + operation.formatted("two", "y") + ", \"/orders/timeline\": "
                        + operation
                                .formatted("three", "none")
                                .replace(
                                        "\"parameters\": [{\"name\": \"none\", \"in\": \"path\", \"required\": true}],",
                                        "")
                        + ",");
        assertThat(OpenApiLint.violations(ambiguous)).containsExactly("/{y}/b/c: no-ambiguous-paths, with /a/{x}/c");
    }
}
