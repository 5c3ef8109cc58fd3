package dev.outboxstock.contract.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The contract documents committed under {@code contracts/} (pacts, event schemas) must say what the code says. A
 * test generates a document and hands it here: it fails when the committed copy differs, or, run with
 * {@code -Dcontracts.update=true}, writes the generated one over it for the change to be reviewed and committed.
 */
public final class CommittedContracts {

    /** Set to {@code true} to rewrite the committed documents from the code instead of failing on a difference. */
    public static final String UPDATE_PROPERTY = "contracts.update";

    /** Where the documents are committed; set by the build (the parent POM's Surefire configuration). */
    public static final String DIRECTORY_PROPERTY = "contracts.directory";

    /** The committed pacts, for a provider test's {@code @PactFolder}: the ones consumer tests keep current. */
    public static final String PACT_FOLDER = "${" + DIRECTORY_PROPERTY + "}/pacts";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CommittedContracts() {}

    /** A committed document, by its path below {@code contracts/}. */
    public static Path committed(String first, String... more) {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory == null) {
            throw new IllegalStateException("System property " + DIRECTORY_PROPERTY + " is not set; run through Maven");
        }
        return Path.of(directory, first).resolve(Path.of("", more)).normalize();
    }

    /**
     * Fails unless {@code committed} holds the same JSON as {@code generated}; in update mode, writes it.
     *
     * @param source what generated the document, named in the failure so that a reader knows what changed it
     */
    public static void check(Path committed, String generated, String source) {
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(committed, generated);
            return;
        }
        if (!Files.exists(committed)) {
            throw new AssertionError(committed + " is missing: " + source + " generates it. " + howToUpdate());
        }
        if (!parse(read(committed)).equals(parse(generated))) {
            throw new AssertionError(
                    committed + " is not what " + source + " generates now:\n" + generated + "\n" + howToUpdate());
        }
    }

    private static String howToUpdate() {
        return "If the change is intended, rewrite the committed documents with -D" + UPDATE_PROPERTY
                + "=true, review the diff (a consumer's pact changes what its provider must do) and commit it.";
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + json, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content.endsWith("\n") ? content : content + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
