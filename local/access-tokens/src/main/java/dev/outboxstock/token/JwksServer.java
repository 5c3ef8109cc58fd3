package dev.outboxstock.token;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Serves an issuer's JWKS over HTTP on the loopback interface, as an identity provider would: the services fetch it
 * from a URL, so the local system is configured exactly like a deployment.
 */
public final class JwksServer implements AutoCloseable {

    private static final String PATH = "/jwks.json";

    private final HttpServer server;

    private JwksServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving on a free port. */
    public static JwksServer start(TokenIssuer issuer) {
        byte[] jwks = issuer.jwks().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(PATH, exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            return new JwksServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the JWKS", e);
        }
    }

    /** Where the services read the JWKS ({@code AUTH_JWKS_URL}). */
    public URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + PATH);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
