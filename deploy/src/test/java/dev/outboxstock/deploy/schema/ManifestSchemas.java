package dev.outboxstock.deploy.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.outboxstock.deploy.bytecode.JarIndex;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.jandex.Index;

/**
 * Validates rendered objects against the API schema of their kind: Kubernetes' own kinds against the Kubernetes API
 * of the targeted release ({@link KubernetesApiSchemas}), Strimzi's kinds against its CRDs at {@value #STRIMZI_VERSION}
 * ({@link StrimziCrdSchemas}), the Prometheus Operator's and CloudNativePG's against their published CRDs ({@link CrdSchemas}, the
 * files under {@value #CRD_DIRECTORY}). A kind that none knows is itself an error: nothing goes unchecked.
 */
public final class ManifestSchemas {

    /** The version of Strimzi's API the manifests are written for. */
    public static final String STRIMZI_VERSION = "v1";

    /** The class path folder of the upstream CRD files, with their provenance (README.md). */
    public static final String CRD_DIRECTORY = "/crds/";

    private static final List<String> CRD_FILES = List.of(
            CRD_DIRECTORY + "prometheus-operator-0.93.0/monitoring.coreos.com_podmonitors.yaml",
            CRD_DIRECTORY + "prometheus-operator-0.93.0/monitoring.coreos.com_prometheusrules.yaml",
            CRD_DIRECTORY + "cloudnative-pg-1.30.0/postgresql.cnpg.io_clusters.yaml",
            CRD_DIRECTORY + "cloudnative-pg-1.30.0/postgresql.cnpg.io_scheduledbackups.yaml");

    private static final String STRIMZI_GROUP = Kafka.RESOURCE_GROUP;

    private static ManifestSchemas instance;

    private final ObjectNode definitions = JsonNodeFactory.instance.objectNode();
    private final KubernetesApiSchemas kubernetes = new KubernetesApiSchemas(definitions);
    private final StrimziCrdSchemas strimzi;
    private final CrdSchemas crds = new CrdSchemas(CRD_FILES, definitions);
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Optional<Schema>> schemas = new HashMap<>();

    private ManifestSchemas(Index strimziModel) {
        this.strimzi = new StrimziCrdSchemas(strimziModel, STRIMZI_VERSION, definitions);
    }

    /** The schemas, built once per JVM: indexing Strimzi's model jar is the slow part, and every test reads them. */
    public static synchronized ManifestSchemas load() {
        if (instance == null) {
            instance = new ManifestSchemas(JarIndex.of(List.of(jarOf(Kafka.class))));
        }
        return instance;
    }

    /** What is wrong with {@code object}; empty when it is valid. */
    public synchronized List<String> violations(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        Optional<Schema> schema = schemas.computeIfAbsent(apiVersion + " " + kind, key -> compile(apiVersion, kind));
        if (schema.isEmpty()) {
            return List.of("no schema for apiVersion " + apiVersion + ", kind " + kind
                    + ": neither a Kubernetes kind of the targeted release, nor a Strimzi " + STRIMZI_VERSION
                    + " kind, nor one of the CRDs under " + CRD_DIRECTORY);
        }
        return schema.get().validate(object).stream().map(Error::toString).toList();
    }

    /** How many schema definitions were generated so far: a measure of how much was checked. */
    public synchronized int definitionCount() {
        return definitions.size();
    }

    private Optional<Schema> compile(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        Optional<String> definition;
        if (group.equals(STRIMZI_GROUP)) {
            definition = Optional.of(apiVersion)
                    .filter(version -> version.equals(STRIMZI_GROUP + "/" + STRIMZI_VERSION))
                    .flatMap(version -> strimzi.define(kind));
        } else if (crds.defines(group)) {
            definition = crds.define(apiVersion, kind);
        } else {
            definition = kubernetes.define(apiVersion, kind);
        }
        return definition.map(name -> registry.getSchema(Schemas.root(definitions, name)));
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
