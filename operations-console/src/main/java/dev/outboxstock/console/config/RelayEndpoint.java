package dev.outboxstock.console.config;

import java.net.URI;

/** A relay the console watches: its name, and the base URL of its health and metrics endpoints. */
public record RelayEndpoint(String name, URI url) {

    /** Reads one entry of {@link ConsoleConfig#relays()}: {@code name=url}. */
    public static RelayEndpoint of(String nameAndUrl) {
        String entry = nameAndUrl.strip();
        int separator = entry.indexOf('=');
        String name = separator < 0 ? "" : entry.substring(0, separator).strip();
        String url = separator < 0 ? "" : entry.substring(separator + 1).strip();
        if (name.isEmpty() || url.isEmpty()) {
            throw new IllegalArgumentException("A relay is name=url, not '" + nameAndUrl + "'");
        }
        return new RelayEndpoint(name, URI.create(url));
    }
}
