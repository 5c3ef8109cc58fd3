package dev.outboxstock.deploy.measured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The share of its container's memory limit a service's image gives the heap: {@code JAVA_MAX_RAM_RATIO} in the
 * module's {@code Dockerfile.jvm}, which the base image's launcher passes on as {@code -XX:MaxRAMPercentage}.
 */
public final class ImageHeapRatio {

    private static final Pattern RATIO = Pattern.compile("(?m)^ENV JAVA_MAX_RAM_RATIO=(\\d+)$");

    private ImageHeapRatio() {}

    /** The percentage, or an error if the image leaves it to the base image's default. */
    public static int of(Path root, String module) {
        Path dockerfile = root.resolve(module).resolve("src/main/docker/Dockerfile.jvm");
        try {
            Matcher ratio = RATIO.matcher(Files.readString(dockerfile));
            if (!ratio.find()) {
                throw new IllegalStateException(dockerfile + " does not set JAVA_MAX_RAM_RATIO");
            }
            return Integer.parseInt(ratio.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
