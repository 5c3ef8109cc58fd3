package dev.outboxstock.contract.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error rules of Redocly's {@code recommended} ruleset that an OpenAPI document of this project could break,
 * checked in the build without Node: {@code security-defined}, {@code no-unresolved-refs},
 * {@code operation-operationId-unique}, {@code path-parameters-defined}, {@code no-identical-paths},
 * {@code no-path-trailing-slash}, {@code path-not-include-query}; and, beyond them, what this project promises of its
 * documents: every operation documents a success (2xx) and a client error (4xx), and a secured one its 401 and 403.
 * (Redocly itself, for a second opinion: {@code npx @redocly/cli lint target/openapi/openapi.yaml}.)
 */
public final class OpenApiLint {

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private OpenApiLint() {}

    /** What is wrong with the document (JSON), one line each; empty when nothing is. */
    public static List<String> violations(String document) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON OpenAPI document", e);
        }
        List<String> violations = new ArrayList<>();
        unresolvedReferences(root, root, violations);
        Set<String> schemes = new HashSet<>();
        root.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        boolean securedByDefault = !root.path("security").isEmpty();
        Map<String, String> operationIds = new HashMap<>();
        Map<String, String> shapes = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String name = path.getKey();
            if (name.length() > 1 && name.endsWith("/")) {
                violations.add(name + ": no-path-trailing-slash");
            }
            if (name.contains("?")) {
                violations.add(name + ": path-not-include-query");
            }
            String shape = PATH_PARAMETER.matcher(name).replaceAll("{}");
            String identical = shapes.put(shape, name);
            if (identical != null) {
                violations.add(name + ": no-identical-paths, the same as " + identical);
            }
            for (Iterator<Map.Entry<String, JsonNode>> operations =
                            path.getValue().fields();
                    operations.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = operations.next();
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String operation = entry.getKey().toUpperCase() + " " + name;
                JsonNode node = entry.getValue();
                String operationId = node.path("operationId").asText(null);
                if (operationId != null && operationIds.put(operationId, operation) != null) {
                    violations.add(operation + ": operation-operationId-unique, " + operationId);
                }
                pathParameters(operation, name, path.getValue(), node, violations);
                security(operation, node, schemes, securedByDefault, violations);
                responses(operation, node, securedByDefault, violations);
            }
        }
        return violations;
    }

    private static void security(
            String operation, JsonNode node, Set<String> schemes, boolean securedByDefault, List<String> violations) {
        JsonNode security = node.path("security");
        if (security.isMissingNode() ? !securedByDefault : security.isEmpty()) {
            violations.add(operation + ": security-defined, no security requirement");
        }
        for (JsonNode requirement : security) {
            requirement.fieldNames().forEachRemaining(scheme -> {
                if (!schemes.contains(scheme)) {
                    violations.add(operation + ": security-defined, no security scheme " + scheme);
                }
            });
        }
    }

    private static void responses(String operation, JsonNode node, boolean securedByDefault, List<String> violations) {
        Set<String> statuses = new HashSet<>();
        node.path("responses").fieldNames().forEachRemaining(statuses::add);
        if (statuses.stream().noneMatch(status -> status.startsWith("2"))) {
            violations.add(operation + ": operation-2xx-response, no success documented");
        }
        if (statuses.stream().noneMatch(status -> status.startsWith("4"))) {
            violations.add(operation + ": operation-4xx-response, no client error documented");
        }
        boolean secured = node.has("security") ? !node.path("security").isEmpty() : securedByDefault;
        if (secured && !(statuses.contains("401") && statuses.contains("403"))) {
            violations.add(operation + ": secured, but 401 and 403 are not both documented");
        }
    }

    private static void pathParameters(
            String operation, String path, JsonNode pathItem, JsonNode node, List<String> violations) {
        Set<String> declared = new HashSet<>();
        for (JsonNode parameters : List.of(pathItem.path("parameters"), node.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                if ("path".equals(parameter.path("in").asText())) {
                    declared.add(parameter.path("name").asText());
                }
            }
        }
        Set<String> named = new HashSet<>();
        Matcher matcher = PATH_PARAMETER.matcher(path);
        while (matcher.find()) {
            named.add(matcher.group(1));
        }
        if (!named.equals(declared)) {
            violations.add(operation + ": path-parameters-defined, the path names " + named
                    + ", the operation declares " + declared);
        }
    }

    private static void unresolvedReferences(JsonNode root, JsonNode node, List<String> violations) {
        if (node.isObject()) {
            JsonNode reference = node.get("$ref");
            if (reference != null && reference.isTextual()) {
                String target = reference.asText();
                if (!target.startsWith("#/") || root.at(target.substring(1)).isMissingNode()) {
                    violations.add(target + ": no-unresolved-refs");
                }
            }
        }
        node.forEach(child -> unresolvedReferences(root, child, violations));
    }
}
