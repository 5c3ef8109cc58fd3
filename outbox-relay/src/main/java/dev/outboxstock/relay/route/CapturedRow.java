package dev.outboxstock.relay.route;

import dev.outboxstock.contract.OutboxColumns;
import io.debezium.data.Envelope;
import io.debezium.data.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.source.SourceRecord;

/** One inserted outbox row as Debezium captured it: its columns and the commit time of its transaction. */
public final class CapturedRow implements OutboxColumns {

    private static final JsonConverter ROW_AS_JSON = new JsonConverter();

    static {
        ROW_AS_JSON.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false", "converter.type", "value"));
    }

    private final Struct columns;
    private final long committedAtMillis;

    private CapturedRow(Struct columns, long committedAtMillis) {
        this.columns = columns;
        this.committedAtMillis = committedAtMillis;
    }

    /**
     * The row a change event inserted (or read in the initial snapshot); empty for records that carry only a
     * position, such as heartbeats, and for updates and deletes, which an outbox never publishes.
     */
    public static Optional<CapturedRow> of(SourceRecord record) {
        if (!(record.value() instanceof Struct envelope) || !Envelope.isEnvelopeSchema(record.valueSchema())) {
            return Optional.empty();
        }
        String operation = envelope.getString(Envelope.FieldName.OPERATION);
        boolean inserted = Envelope.Operation.CREATE.code().equals(operation)
                || Envelope.Operation.READ.code().equals(operation);
        if (!inserted) {
            return Optional.empty();
        }
        Struct source = envelope.getStruct(Envelope.FieldName.SOURCE);
        return Optional.of(new CapturedRow(
                envelope.getStruct(Envelope.FieldName.AFTER), source.getInt64(Envelope.FieldName.TIMESTAMP)));
    }

    @Override
    public Optional<String> text(String column) {
        return Optional.ofNullable(columns.schema().field(column))
                .map(columns::get)
                .map(String::valueOf);
    }

    @Override
    public boolean isJson(String column) {
        Field field = columns.schema().field(column);
        return field != null && Json.LOGICAL_NAME.equals(field.schema().name());
    }

    public long committedAtMillis() {
        return committedAtMillis;
    }

    /** The columns the relay reads, as a JSON object: what an operator needs to repair and replay a dead letter. */
    public String toJson() {
        return new String(ROW_AS_JSON.fromConnectData("", columns.schema(), columns), StandardCharsets.UTF_8);
    }
}
