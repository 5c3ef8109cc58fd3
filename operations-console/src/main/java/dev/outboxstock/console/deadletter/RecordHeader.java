package dev.outboxstock.console.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;

/**
 * One Kafka record header as the index shows it: its name and value as UTF-8 text, or, when the bytes are not text (a NUL byte,
 * invalid UTF-8), escaped as {@link DisplayText} escapes them and marked {@code escaped}. Every header this system
 * writes is text; a header a producer got wrong is shown, and its bytes are kept for a replay.
 */
public record RecordHeader(
        String name,
        String value,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean escaped) {

    public RecordHeader(String name, String value) {
        this(name, value, false);
    }

    /** The header {@code name} with the bytes {@code value} (null: a header without a value). */
    public static RecordHeader of(String name, byte[] value) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        boolean escaped = !DisplayText.isText(nameBytes) || (value != null && !DisplayText.isText(value));
        return new RecordHeader(DisplayText.of(nameBytes), DisplayText.of(value), escaped);
    }
}
