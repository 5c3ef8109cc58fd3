package dev.outboxstock.deploy.policy;

import dev.outboxstock.deploy.render.RenderedOverlay;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The PostgreSQL servers of an overlay, and who connects to which. */
public final class Databases {

    private static final String POSTGRES_IMAGE = "postgres";

    private Databases() {}

    /** The StatefulSets that run PostgreSQL, and the CloudNativePG Clusters. */
    public static List<DatabaseServer> servers(RenderedOverlay overlay) {
        return Stream.concat(
                        Workload.all(overlay).stream()
                                .filter(workload -> workload.kind().equals("StatefulSet"))
                                .filter(workload -> workload.containers().stream()
                                        .anyMatch(container ->
                                                container.repository().endsWith(POSTGRES_IMAGE)))
                                .map(DatabaseServer::of),
                        overlay.ofKind("Cluster").map(cluster -> DatabaseServer.ofCluster(cluster, overlay)))
                .toList();
    }

    /** The database host a service container connects to: the relay's source, or the host in a JDBC URL. */
    public static Optional<String> hostUsedBy(Container container) {
        var environment = container.environment();
        return environment
                .getOrDefault("RELAY_SOURCE_HOST", Optional.empty())
                .or(() -> environment
                        .getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", Optional.empty())
                        .map(url -> URI.create(url.substring("jdbc:".length())).getHost()));
    }

    /** The workloads whose containers connect to {@code server}. */
    public static List<Workload> clientsOf(DatabaseServer server, RenderedOverlay overlay) {
        return Workload.all(overlay).stream()
                .filter(workload -> workload.containers().stream()
                        .anyMatch(container -> hostUsedBy(container)
                                .filter(server.host()::equals)
                                .isPresent()))
                .toList();
    }
}
