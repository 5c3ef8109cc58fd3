package dev.outboxstock.console.kafka;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * A record's headers as bytes, in their order (a header may repeat), exactly as received: what the index keeps
 * ({@code dead_letter.raw_headers}) so that a replay sends the original bytes of a header that is not text. The form:
 * the count, then for each header its name's UTF-8 length and bytes and its value's length ({@code -1}: no value) and
 * bytes, every number a 4-byte big-endian integer.
 */
public final class RawHeaders {

    private RawHeaders() {}

    public static byte[] encode(Iterable<Header> headers) {
        List<Header> all = new ArrayList<>();
        headers.forEach(all::add);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(all.size());
            for (Header header : all) {
                byte[] name = header.key().getBytes(StandardCharsets.UTF_8);
                out.writeInt(name.length);
                out.write(name);
                if (header.value() == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(header.value().length);
                    out.write(header.value());
                }
            }
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return bytes.toByteArray();
    }

    public static List<Header> decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int count = in.readInt();
            List<Header> headers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                int length = in.readInt();
                headers.add(new RecordHeader(name, length < 0 ? null : in.readNBytes(length)));
            }
            return headers;
        } catch (IOException corrupt) {
            throw new UncheckedIOException("The kept headers cannot be read", corrupt);
        }
    }
}
