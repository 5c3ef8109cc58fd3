package dev.outboxstock.localstack.testing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Reads a Kafka record header as the services write every header: UTF-8 text. */
public final class HeaderText {

    private HeaderText() {}

    /** The last header of that name, decoded; empty when the record has none. */
    public static Optional<String> of(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return Optional.ofNullable(header).map(found -> new String(found.value(), StandardCharsets.UTF_8));
    }
}
