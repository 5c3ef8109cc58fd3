package dev.outboxstock.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's terminal shows its steps only; every record, the Kafka clients' dumps among them, is in the file. */
class DemoLoggingTest {

    private final PrintStream terminal = System.out;

    @AfterEach
    void restore() throws Exception {
        System.setOut(terminal);
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.close();
        }
        LogManager.getLogManager().readConfiguration();
    }

    @Test
    void aStepReachesTheTerminalAndTheFileWhileLibraryChatterReachesTheFileOnly(@TempDir Path logDir) throws Exception {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        System.setOut(new PrintStream(shown, true, StandardCharsets.UTF_8));

        Path file = DemoLogging.toFileAndSteps(logDir);
        Logger.getLogger("org.apache.kafka.clients.admin.AdminClientConfig")
                .info("AdminClientConfig values: \n\tbootstrap.servers = [127.0.0.1:9092]");
        Logger.getLogger("dev.outboxstock.localstack.ServiceProcess").info("order-service up at http://127.0.0.1:1");
        Logger.getLogger("org.apache.kafka.clients.NetworkClient").warning("Connection to node -1 could not be made");
        Logger.getLogger("org.apache.kafka.clients.producer.KafkaProducer").severe("the producer failed for good");
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }

        assertThat(shown.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("order-service up at http://127.0.0.1:1", "SEVERE: the producer failed for good");
        assertThat(Files.readString(file))
                .contains("AdminClientConfig values")
                .contains("order-service up at")
                .contains("Connection to node -1")
                .contains("the producer failed for good");
    }
}
