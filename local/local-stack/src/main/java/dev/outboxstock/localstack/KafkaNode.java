package dev.outboxstock.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One node of a {@link KafkaCluster}: a combined KRaft broker and controller in a JVM of its own. It keeps its ports
 * and data directory for life, so that {@link #restart()} brings back the same broker and quorum voter, as a pod
 * restarted on its volume would.
 */
public final class KafkaNode {

    private static final Logger LOG = Logger.getLogger(KafkaNode.class);

    /**
     * A node killed with -9 recovers its logs and rejoins the quorum before it listens: seconds on a quiet machine, but
     * over a minute was seen on two busy cores (a CI run beside other builds).
     */
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(150);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final KafkaNodeIdentity identity;
    private final Path config;
    private final Path logFile;
    private final ProcessRegistry registry;
    private volatile Process process;

    KafkaNode(KafkaNodeIdentity identity, Path config, Path logFile, ProcessRegistry registry) {
        this.identity = identity;
        this.config = config;
        this.logFile = logFile;
        this.registry = registry;
    }

    /** The node id ({@code node.id}), as Kafka names it, for example as a partition's leader; from 1. */
    public int id() {
        return identity.id();
    }

    /** This node's broker listener, {@code host:port}. */
    public String bootstrapServer() {
        return identity.brokerEndpoint();
    }

    public Path logFile() {
        return logFile;
    }

    /** The node's process, for example to measure its memory. */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the node at once (SIGKILL, as {@code kill -9}): no controlled shutdown, nothing flushed. */
    public synchronized void kill() {
        ProcessTerminator.kill(process);
        LOG.infof("%s killed", this);
    }

    /** Shuts the node down (SIGTERM, then SIGKILL after a grace period); its data stays for {@link #restart()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessTerminator.terminate(process, toString(), STOP_TIMEOUT);
        LOG.infof("%s stopped", this);
    }

    /**
     * Starts the node again on the same ports and data directory and waits until it accepts connections. It may
     * still be catching up then: see {@link KafkaCluster#awaitAllReplicasInSync}.
     */
    public synchronized void restart() {
        if (isAlive()) {
            throw new IllegalStateException(this + " is still running");
        }
        launch();
        awaitListening();
        LOG.infof("%s restarted", this);
    }

    synchronized void launch() {
        try {
            process = KafkaJvm.server(config)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch " + this, e);
        }
        registry.record("kafka-" + id(), process.toHandle());
    }

    /** Waits until the broker listener accepts connections, so admin clients do not log a failure per attempt. */
    void awaitListening() {
        Await.until(this::isListening, LISTEN_TIMEOUT, () -> this + " is not listening; see " + logFile);
    }

    private boolean isListening() {
        if (!process.isAlive()) {
            throw new IllegalStateException(this + " exited with " + process.exitValue() + "; see " + logFile);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(KafkaNodeIdentity.HOST, identity.brokerPort()), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "Kafka node " + id() + " on " + bootstrapServer();
    }
}
