package dev.outboxstock.console.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/** The relays the console watches, read from {@code console.relays} at start: a malformed entry stops the start. */
@Startup
@ApplicationScoped
public class WatchedRelays {

    private final List<RelayEndpoint> relays;

    public WatchedRelays(ConsoleConfig config) {
        this.relays = config.relays().stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(RelayEndpoint::of)
                .toList();
    }

    public List<RelayEndpoint> all() {
        return relays;
    }
}
