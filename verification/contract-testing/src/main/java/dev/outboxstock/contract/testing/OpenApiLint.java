package dev.outboxstock.contract.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The rules of Redocly's {@code recommended} ruleset, errors and warnings alike, that an OpenAPI document of this
 * project could break, checked in the build without Node, on the document a running service serves at
 * {@code /q/openapi} (what clients read, not a copy stored at build time). Errors: {@code security-defined},
 * {@code no-unresolved-refs}, {@code operation-operationId-unique}, {@code operation-summary},
 * {@code path-parameters-defined}, {@code no-identical-paths}, {@code no-path-trailing-slash},
 * {@code path-not-include-query}, {@code no-empty-servers}, {@code no-server-trailing-slash}. Warnings:
 * {@code info-license}, {@code info-license-strict}, {@code no-server-example.com}, {@code operation-operationId},
 * {@code operation-2xx-response}, {@code operation-4xx-response}, {@code tag-description},
 * {@code no-duplicated-tag-names}, {@code no-unused-components}, {@code no-ambiguous-paths},
 * {@code no-required-schema-properties-undefined}. Beyond them, what this project promises of its documents: a
 * secured operation documents its 401 and 403. (Redocly itself, for a second opinion, on the served document a
 * test wrote: {@code npx @redocly/cli lint target/openapi/served-openapi.json}.)
 */
public final class OpenApiLint {

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private OpenApiLint() {}

    /** Where {@link #servedViolations} keeps the document a test fetched, for Redocly to read. */
    public static final Path SERVED = Path.of("target", "openapi", "served-openapi.json");

    /**
     * What is wrong with the document a running service served (JSON), which is kept at {@link #SERVED} (in the
     * module's directory) so that Redocly can lint the very document the build checked.
     */
    public static List<String> servedViolations(String document) {
        try {
            Files.createDirectories(SERVED.getParent());
            Files.writeString(SERVED, document);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the served document at " + SERVED.toAbsolutePath(), e);
        }
        return violations(document);
    }

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
        license(root.path("info"), violations);
        servers(root.path("servers"), violations);
        tags(root.path("tags"), violations);
        unusedComponents(root, violations);
        requiredPropertiesDefined("#", root, violations);
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
            for (String other : shapes.keySet()) {
                if (!other.equals(shape) && ambiguous(other, shape)) {
                    violations.add(name + ": no-ambiguous-paths, with " + shapes.get(other));
                }
            }
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
                if (operationId == null) {
                    violations.add(operation + ": operation-operationId, none");
                } else if (operationIds.put(operationId, operation) != null) {
                    violations.add(operation + ": operation-operationId-unique, " + operationId);
                }
                if (node.path("summary").asText("").isBlank()) {
                    violations.add(operation + ": operation-summary, none");
                }
                pathParameters(operation, name, path.getValue(), node, violations);
                security(operation, node, schemes, securedByDefault, violations);
                responses(operation, node, securedByDefault, violations);
            }
        }
        return violations;
    }

    private static void license(JsonNode info, List<String> violations) {
        JsonNode license = info.path("license");
        if (!license.isObject() || license.path("name").asText("").isBlank()) {
            violations.add("info: info-license, no license");
        } else if (!license.hasNonNull("url") && !license.hasNonNull("identifier")) {
            violations.add("info.license: info-license-strict, neither url nor identifier");
        }
    }

    private static void servers(JsonNode servers, List<String> violations) {
        if (!servers.isArray() || servers.isEmpty()) {
            violations.add("servers: no-empty-servers");
            return;
        }
        for (JsonNode server : servers) {
            String url = server.path("url").asText("");
            if (url.endsWith("/") && !url.equals("/")) {
                violations.add("servers: no-server-trailing-slash, " + url);
            }
            if (url.contains("example.com")) {
                violations.add("servers: no-server-example.com, " + url);
            }
        }
    }

    private static void tags(JsonNode tags, List<String> violations) {
        Set<String> names = new HashSet<>();
        for (JsonNode tag : tags) {
            String name = tag.path("name").asText();
            if (!names.add(name)) {
                violations.add("tags: no-duplicated-tag-names, " + name);
            }
            if (tag.path("description").asText("").isBlank()) {
                violations.add("tags: tag-description, " + name);
            }
        }
    }

    /** Every component but the security schemes (named by security requirements, not referenced) is referenced. */
    private static void unusedComponents(JsonNode root, List<String> violations) {
        Set<String> referenced = new HashSet<>();
        references(root, referenced);
        for (Iterator<Map.Entry<String, JsonNode>> kinds =
                        root.path("components").fields();
                kinds.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            if (kind.getKey().equals("securitySchemes")) {
                continue;
            }
            kind.getValue().fieldNames().forEachRemaining(name -> {
                String reference = "#/components/" + kind.getKey() + "/" + name;
                if (!referenced.contains(reference)) {
                    violations.add(reference + ": no-unused-components");
                }
            });
        }
    }

    private static void references(JsonNode node, Set<String> referenced) {
        JsonNode reference = node.get("$ref");
        if (reference != null && reference.isTextual()) {
            referenced.add(reference.asText());
        }
        node.forEach(child -> references(child, referenced));
    }

    /** An object schema's {@code required} names only properties it defines (when it is not composed of others). */
    private static void requiredPropertiesDefined(String where, JsonNode node, List<String> violations) {
        if (node.isObject()) {
            JsonNode required = node.get("required");
            JsonNode properties = node.get("properties");
            boolean composed = node.has("allOf") || node.has("anyOf") || node.has("oneOf") || node.has("$ref");
            if (required != null && required.isArray() && properties != null && properties.isObject() && !composed) {
                for (JsonNode name : required) {
                    if (!properties.has(name.asText())) {
                        violations.add(where + ": no-required-schema-properties-undefined, " + name.asText());
                    }
                }
            }
            node.fields()
                    .forEachRemaining(field ->
                            requiredPropertiesDefined(where + "/" + field.getKey(), field.getValue(), violations));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requiredPropertiesDefined(where + "/" + i, node.get(i), violations);
            }
        }
    }

    /**
     * Redocly's rule for two paths of the same length that are not identical: a request could match both when their
     * literal segments agree wherever both have one and they have as many parameters ({@code /a/{x}} and
     * {@code /{y}/b}); a literal beside a parameter with fewer parameters in all ({@code /orders/timeline} beside
     * {@code /orders/{id}}) is the more specific path and wins.
     */
    private static boolean ambiguous(String one, String other) {
        String[] a = one.split("/", -1);
        String[] b = other.split("/", -1);
        if (a.length != b.length) {
            return false;
        }
        int aParameters = 0;
        int bParameters = 0;
        for (int i = 0; i < a.length; i++) {
            boolean aParameter = a[i].equals("{}");
            boolean bParameter = b[i].equals("{}");
            aParameters += aParameter ? 1 : 0;
            bParameters += bParameter ? 1 : 0;
            if (!aParameter && !bParameter && !a[i].equals(b[i])) {
                return false;
            }
        }
        return aParameters == bParameters;
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
