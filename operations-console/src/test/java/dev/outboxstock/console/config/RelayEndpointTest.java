package dev.outboxstock.console.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RelayEndpointTest {

    @Test
    void readsNameEqualsUrl() {
        assertThat(RelayEndpoint.of(" orders-outbox-relay = http://orders-outbox-relay:8083 "))
                .isEqualTo(new RelayEndpoint("orders-outbox-relay", URI.create("http://orders-outbox-relay:8083")));
    }

    @Test
    void refusesAnEntryWithoutNameOrUrl() {
        assertThatThrownBy(() -> RelayEndpoint.of("http://relay:8083")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RelayEndpoint.of("=http://relay:8083")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RelayEndpoint.of("relay=")).isInstanceOf(IllegalArgumentException.class);
    }
}
