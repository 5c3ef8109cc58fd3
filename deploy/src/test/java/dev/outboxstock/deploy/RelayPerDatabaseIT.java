package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboxstock.deploy.config.ServiceConfiguration;
import dev.outboxstock.deploy.policy.Container;
import dev.outboxstock.deploy.policy.DatabaseServer;
import dev.outboxstock.deploy.policy.Databases;
import dev.outboxstock.deploy.policy.SingleStreamer;
import dev.outboxstock.deploy.policy.Workload;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One relay per source database, and no two relays that could fence each other. */
class RelayPerDatabaseIT {

    /**
     * Each database in the cluster that holds an outbox (one used by a service with the outbox library) has its
     * relay; a database outside it (a managed one) is the relays' business.
     */
    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyDatabaseHasItsRelayAndNoDatabaseTwo(RenderedOverlay overlay) {
        List<String> sources = relays(overlay).stream()
                .map(relay -> relay.containers().stream()
                        .map(Databases::hostUsedBy)
                        .flatMap(Optional::stream)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(relay + " names no source database")))
                .toList();
        assertThat(sources).doesNotHaveDuplicates();
        assertThat(sources)
                .containsAll(Databases.servers(overlay).stream()
                        .filter(server -> holdsAnOutbox(server, overlay))
                        .map(DatabaseServer::host)
                        .toList());
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void noTwoRelaysRunUnderOneName(RenderedOverlay overlay) {
        List<Workload> relays = relays(overlay);

        assertThat(relays).hasSizeGreaterThan(1);
        assertThat(SingleStreamer.violation(relays)).isEmpty();
    }

    @Test
    void twoRelaysUnderOneNameAreRefused() {
        ObjectNode renamed = inventoryRelay();
        ((ObjectNode) renamed.path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .get(0))
                .putArray("env")
                .addObject()
                .put("name", "RELAY_NAME")
                .put("value", SingleStreamer.relayName(workload(orderRelay())));

        assertThat(SingleStreamer.violation(List.of(workload(orderRelay()), workload(renamed))))
                .get()
                .asString()
                .contains("fence each other");
    }

    private static List<Workload> relays(RenderedOverlay overlay) {
        return Workload.all(overlay).stream()
                .filter(workload -> workload.containers().stream()
                        .map(Container::serviceModule)
                        .anyMatch(module -> module.equals(Optional.of("outbox-relay"))))
                .toList();
    }

    private static ObjectNode orderRelay() {
        return relayDeployment("orders-outbox-relay");
    }

    private static ObjectNode inventoryRelay() {
        return relayDeployment("inventory-outbox-relay");
    }

    private static ObjectNode relayDeployment(String name) {
        return Overlays.rendered("local").get("Deployment", name).deepCopy();
    }

    private static Workload workload(ObjectNode relay) {
        return new Workload(relay, Overlays.rendered("local"));
    }

    private static boolean holdsAnOutbox(DatabaseServer server, RenderedOverlay overlay) {
        return Databases.clientsOf(server, overlay).stream()
                .flatMap(client -> client.containers().stream())
                .flatMap(container -> container.serviceModule().stream())
                .anyMatch(module ->
                        ServiceConfiguration.of(module).keySetBy("OUTBOX_SLOT").isPresent());
    }
}
