package dev.outboxstock.console.client;

import java.util.Optional;

/** A scrape in Prometheus' text format, for the few unlabelled samples the console reads. */
final class PrometheusText {

    private final String text;

    PrometheusText(String text) {
        this.text = text;
    }

    /** The value of the first sample of that name (with or without labels); empty when there is none. */
    Optional<Double> value(String name) {
        return text.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .findFirst()
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .flatMap(PrometheusText::number);
    }

    private static Optional<Double> number(String text) {
        try {
            return Optional.of(Double.valueOf(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
