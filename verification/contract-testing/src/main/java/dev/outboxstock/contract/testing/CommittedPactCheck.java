package dev.outboxstock.contract.testing;

import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.annotations.Pact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * After a consumer test class has written its pacts, checks each against the committed copy in
 * {@code contracts/pacts}, the one its providers verify. So a consumer cannot change what it expects without the
 * committed pact changing with it. Registered through {@link ConsumerContractTest}, before Pact's extension, so
 * that it runs after Pact has written the files.
 */
public class CommittedPactCheck implements AfterAllCallback {

    /** Where Pact writes the pacts of this run; set by the build (the parent POM's Surefire configuration). */
    private static final String GENERATED_DIRECTORY_PROPERTY = "pact.rootDir";

    @Override
    public void afterAll(ExtensionContext context) {
        Path generatedDirectory = Path.of(System.getProperty(GENERATED_DIRECTORY_PROPERTY, "target/pacts"));
        for (String file : pactFiles(context.getRequiredTestClass())) {
            CommittedContracts.check(
                    CommittedContracts.committed("pacts", file),
                    read(generatedDirectory.resolve(file)),
                    context.getRequiredTestClass().getName());
        }
    }

    /** Pact's file names, {@code <consumer>-<provider>.json}, of every pact the class defines. */
    private static Set<String> pactFiles(Class<?> testClass) {
        String classProvider = AnnotationSupport.findAnnotation(testClass, PactTestFor.class)
                .map(PactTestFor::providerName)
                .orElse("");
        Set<String> files = new TreeSet<>();
        for (var method :
                AnnotationSupport.findAnnotatedMethods(testClass, Pact.class, HierarchyTraversalMode.TOP_DOWN)) {
            Pact pact = method.getAnnotation(Pact.class);
            String provider = pact.provider().isEmpty() ? classProvider : pact.provider();
            files.add(pact.consumer() + "-" + provider + ".json");
        }
        return files;
    }

    private static String read(Path generated) {
        try {
            return Files.readString(generated);
        } catch (IOException e) {
            throw new UncheckedIOException("Pact wrote no " + generated, e);
        }
    }
}
