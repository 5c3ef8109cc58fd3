package dev.outboxstock.console.config;

import java.net.URI;

/** A relay the console watches: its name, and the base URL of its health and metrics endpoints. */
public record RelayEndpoint(String name, URI url) {

    /** Reads one entry of {@link ConsoleConfig#relays()}: {@code name=url}. */
    public static RelayEndpoint of(String nameAndUrl) {
        int separator = nameAndUrl.indexOf('=');
        if (separator < 1 || separator == nameAndUrl.length() - 1) {
            throw new IllegalArgumentException("A relay is name=url, not '" + nameAndUrl + "'");
        }
        return new RelayEndpoint(
                nameAndUrl.substring(0, separator).strip(),
                URI.create(nameAndUrl.substring(separator + 1).strip()));
    }
}
