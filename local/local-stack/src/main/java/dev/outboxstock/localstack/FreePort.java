package dev.outboxstock.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Loopback TCP ports that were free a moment ago. */
public final class FreePort {

    private FreePort() {}

    public static int find() {
        return findDistinct(1).get(0);
    }

    /** {@code count} different ports: their sockets are held open together, so the system cannot hand one out twice. */
    public static List<Integer> findDistinct(int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        } finally {
            sockets.forEach(FreePort::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The port is released either way once the socket is gone.
        }
    }
}
