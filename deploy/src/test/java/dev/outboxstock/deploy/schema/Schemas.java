package dev.outboxstock.deploy.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON Schema pieces that both API models need (draft 2020-12). */
final class Schemas {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    /** A Kubernetes resource quantity: a number, or a decimal with an optional SI or binary suffix ("250m", "1Gi"). */
    private static final String QUANTITY =
            "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+|[KMGTPE]i|[numkMGTPE])?$";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Schemas() {}

    static ObjectNode reference(String definition) {
        return JSON.objectNode().put("$ref", "#/$defs/" + definition);
    }

    static ObjectNode type(String type) {
        return JSON.objectNode().put("type", type);
    }

    static ObjectNode anything() {
        return JSON.objectNode();
    }

    static ObjectNode intOrString() {
        ObjectNode schema = JSON.objectNode();
        schema.putArray("type").add("integer").add("string");
        return schema;
    }

    static ObjectNode quantity() {
        ObjectNode schema = JSON.objectNode();
        schema.putArray("anyOf").add(type("number")).add(type("string").put("pattern", QUANTITY));
        return schema;
    }

    /** A schema document that validates against one definition of a shared set. */
    static ObjectNode root(ObjectNode definitions, String definition) {
        ObjectNode root = JSON.objectNode().put("$schema", DIALECT);
        root.set("$defs", definitions);
        root.put("$ref", "#/$defs/" + definition);
        return root;
    }
}
