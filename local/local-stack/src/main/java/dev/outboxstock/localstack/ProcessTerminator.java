package dev.outboxstock.localstack;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Stops a child process the way an orchestrator would: SIGTERM, a grace period, then SIGKILL; or kills it at once,
 * as {@code kill -9} or a crash would.
 */
public final class ProcessTerminator {

    private static final Logger LOG = Logger.getLogger(ProcessTerminator.class);

    private ProcessTerminator() {}

    public static void terminate(Process process, String name, Duration gracePeriod) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%s did not stop within %s; killing it", name, gracePeriod);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Kills the process at once (SIGKILL) and waits until it has exited. */
    public static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
