package dev.outboxstock.deploy.schema;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A range of Kubernetes API versions as Strimzi's CRD generator writes it: {@code v1} (that one), {@code v1beta2+}
 * (that one and later), {@code v1alpha1-v1beta2} (inclusive), several joined by commas. Versions order as Kubernetes
 * orders them: {@code v1alpha1 < v1beta1 < v1beta2 < v1 < v2alpha1 < v2}.
 */
record ApiVersionRange(List<Span> spans) {

    private static final Pattern VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

    static ApiVersionRange parse(String text) {
        return new ApiVersionRange(Stream.of(text.split(","))
                .map(String::trim)
                .map(ApiVersionRange::span)
                .toList());
    }

    boolean contains(String version) {
        long rank = rank(version);
        return spans.stream().anyMatch(span -> span.from() <= rank && rank <= span.to());
    }

    private static Span span(String text) {
        if (text.endsWith("+")) {
            return new Span(rank(text.substring(0, text.length() - 1)), Long.MAX_VALUE);
        }
        int dash = text.indexOf('-');
        return dash < 0
                ? new Span(rank(text), rank(text))
                : new Span(rank(text.substring(0, dash)), rank(text.substring(dash + 1)));
    }

    private static long rank(String version) {
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a Kubernetes API version: " + version);
        }
        long major = Long.parseLong(matcher.group(1));
        long stage = matcher.group(2) == null ? 2 : matcher.group(2).equals("beta") ? 1 : 0;
        long minor = matcher.group(3) == null ? 0 : Long.parseLong(matcher.group(3));
        return (major * 3 + stage) * 1000 + minor;
    }

    record Span(long from, long to) {}
}
