package dev.outboxstock.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Stops and removes what a local stack left behind when its JVM was killed before it could clean up (kill -9,
 * a crashed build): servers and service processes would otherwise run on as orphans.
 */
final class StaleStackReaper {

    private static final Logger LOG = Logger.getLogger(StaleStackReaper.class);

    private StaleStackReaper() {}

    static void reapIn(Path parent, String prefix) {
        try (Stream<Path> candidates = Files.list(parent)) {
            candidates
                    .filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().startsWith(prefix))
                    .filter(dir -> !new ProcessRegistry(dir).isOwnerAlive())
                    .forEach(StaleStackReaper::reap);
        } catch (IOException e) {
            LOG.warnf(e, "Cannot look for stale local stacks in %s", parent);
        }
    }

    private static void reap(Path workDir) {
        LOG.infof("Reaping a local stack whose JVM is gone: %s", workDir);
        new ProcessRegistry(workDir).killAll();
        Path dataDir = PostgresServer.dataDirIn(workDir);
        if (Files.isDirectory(dataDir)) {
            try {
                PostgresServer.stop(PostgresBinaries.locate(), dataDir);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Cannot stop the PostgreSQL cluster in %s", dataDir);
            }
        }
        WorkDirectory.delete(workDir);
    }
}
