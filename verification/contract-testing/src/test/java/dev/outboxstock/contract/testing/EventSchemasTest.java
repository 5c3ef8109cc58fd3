package dev.outboxstock.contract.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.contract.StockTopic;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event schemas committed in {@code contracts/schemas} (for teams that consume the topics without this code)
 * are generated from the payload records; a record changed without its schema fails here.
 */
class EventSchemasTest {

    private final EventSchemas schemas = new EventSchemas();

    static List<EventOnTopic> events() {
        return EventOnTopic.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theCommittedSchemaIsTheOneTheRecordGenerates(EventOnTopic event) {
        CommittedContracts.check(
                CommittedContracts.committed("schemas", event.topic(), event.type() + ".schema.json"),
                schemas.schemaOf(event),
                "the record " + event.payload().getName());
    }

    @Test
    void everyCommittedSchemaBelongsToAnEventOfTheContract() throws IOException {
        Path directory = CommittedContracts.committed("schemas");
        try (Stream<Path> files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(file -> directory.relativize(file).toString()))
                    .containsExactlyInAnyOrderElementsOf(events().stream()
                            .map(event -> event.topic() + "/" + event.type() + ".schema.json")
                            .toList());
        }
    }

    @Test
    void everyPayloadRecordOfTheContractTravelsOnATopic() throws IOException {
        assertThat(payloadRecordsOfTheContract())
                .containsExactlyInAnyOrderElementsOf(events().stream()
                        .map(event -> event.payload().getName())
                        .toList());
    }

    /** The records of event-contract's package that have an event {@code TYPE}, read from its jar or classes. */
    private static List<String> payloadRecordsOfTheContract() throws IOException {
        Path location = Path.of(URI.create(StockTopic.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString()));
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location)) {
            Path root = jar == null ? location : jar.getPath("/");
            try (Stream<Path> files =
                    Files.list(root.resolve(StockTopic.class.getPackageName().replace('.', '/')))) {
                return files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".class") && !name.contains("$"))
                        .map(name -> load(StockTopic.class.getPackageName() + "." + name.replace(".class", "")))
                        .filter(type -> type.isRecord() && hasTypeConstant(type))
                        .map(Class::getName)
                        .toList();
            }
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasTypeConstant(Class<?> type) {
        return Stream.of(type.getFields()).anyMatch(field -> field.getName().equals("TYPE"));
    }
}
