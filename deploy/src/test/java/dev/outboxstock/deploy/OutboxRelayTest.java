package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboxstock.deploy.policy.Container;
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

/** One relay per source database, and never two engines streaming the same slot. */
class OutboxRelayTest {

    /** Each database in the cluster has its relay; a database outside it (a managed one) is the relays' business. */
    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyDatabaseHasItsRelayAndNoDatabaseTwo(String overlay) {
        RenderedOverlay rendered = Overlays.rendered(overlay);
        List<String> sources = relays(rendered).stream()
                .map(relay -> relay.containers().stream()
                        .map(Databases::hostUsedBy)
                        .flatMap(Optional::stream)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(relay + " names no source database")))
                .toList();
        assertThat(sources).doesNotHaveDuplicates();
        assertThat(sources)
                .containsAll(Databases.servers(rendered).stream()
                        .map(Databases::host)
                        .toList());
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void noRelayCanRunTwoStreamers(String overlay) {
        assertThat(relays(Overlays.rendered(overlay)))
                .isNotEmpty()
                .allSatisfy(relay -> assertThat(SingleStreamer.violation(relay, SingleStreamer.relayElectsLeader()))
                        .isEmpty());
    }

    @Test
    void thePackagedRelayElectsALeader() {
        assertThat(SingleStreamer.relayElectsLeader()).isTrue();
    }

    @Test
    void twoReplicasWithoutLeaderElectionAreRefused() {
        ObjectNode relay = orderRelay();
        ((ObjectNode) relay.path("spec")).put("replicas", 2);

        assertThat(SingleStreamer.violation(workload(relay), false))
                .get()
                .asString()
                .contains("2 replicas");
    }

    @Test
    void aRollingUpdateIsRefused() {
        ObjectNode relay = orderRelay();
        ((ObjectNode) relay.path("spec")).put("replicas", 1);

        assertThat(SingleStreamer.violation(workload(relay), false))
                .get()
                .asString()
                .contains("RollingUpdate");
    }

    @Test
    void twoReplicasWithLeaderElectionAreAccepted() {
        assertThat(orderRelay().path("spec").path("replicas").asInt()).isEqualTo(2);

        assertThat(SingleStreamer.violation(workload(orderRelay()), true)).isEmpty();
    }

    private static List<Workload> relays(RenderedOverlay overlay) {
        return Workload.all(overlay).stream()
                .filter(workload -> workload.containers().stream()
                        .map(Container::serviceModule)
                        .anyMatch(module -> module.equals(Optional.of("outbox-relay"))))
                .toList();
    }

    private static ObjectNode orderRelay() {
        return Overlays.rendered("local")
                .get("Deployment", "orders-outbox-relay")
                .deepCopy();
    }

    private static Workload workload(ObjectNode relay) {
        return new Workload(relay, Overlays.rendered("local"));
    }
}
