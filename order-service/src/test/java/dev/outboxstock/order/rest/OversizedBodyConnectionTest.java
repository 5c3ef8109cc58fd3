package dev.outboxstock.order.rest;

import static dev.outboxstock.order.CustomerOrders.body;
import static dev.outboxstock.order.CustomerOrders.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.token.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A body over the limit is refused before it is read, so the connection still carries its unread bytes and the
 * server closes it. The answer must say so ({@code Connection: close}); otherwise a client puts the connection back
 * in its pool and its next request on it fails without an answer.
 */
@QuarkusTest
@OrderTestResource
class OversizedBodyConnectionTest {

    private static final int ROUNDS = 30;

    @TestHTTPResource("/orders")
    URI orders;

    @Test
    void theRequestAfterARefusedOversizedBodyOnTheSameClientIsAnswered() throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int round = 0; round < ROUNDS; round++) {
            HttpResponse<Void> oversized = send(client, "{\"lines\":[" + " ".repeat(200_000) + "]}");
            assertThat(oversized.statusCode()).isEqualTo(413);
            assertThat(oversized.headers().firstValue("Connection")).hasValue("close");

            assertThat(send(client, body(line("", 1))).statusCode())
                    .as("round %d", round)
                    .isEqualTo(400);
        }
    }

    private HttpResponse<Void> send(HttpClient client, String body) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(orders)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TestTokens.customer())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
