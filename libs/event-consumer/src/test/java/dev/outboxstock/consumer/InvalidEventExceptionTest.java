package dev.outboxstock.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.contract.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class InvalidEventExceptionTest {

    @Test
    void aReasonQuotingAHostileHeaderCannotForgeALogLine() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, "x\nINFO forged line\u001b[31m\u202e".getBytes(StandardCharsets.UTF_8));

        String reason = reason(headers);

        assertThat(reason)
                .isEqualTo("header " + EventHeaders.EVENT_ID
                        + " is not a UUID: x\\u000aINFO forged line\\u001b[31m\\u202e")
                .doesNotContain("\n", "\u001b", "\u202e");
    }

    @Test
    void undecodableBytesAreEscapedAndALongReasonIsCut() {
        RecordHeaders headers = new RecordHeaders();
        byte[] id = new byte[1_000];
        Arrays.fill(id, (byte) 0xff);
        headers.add(EventHeaders.EVENT_ID, id);

        String reason = reason(headers);

        assertThat(reason)
                .startsWith("header " + EventHeaders.EVENT_ID + " is not a UUID: \\ufffd")
                .endsWith("...");
        assertThat(reason.codePoints().filter(c -> c > 127 || Character.isISOControl(c)))
                .isEmpty();
    }

    private static String reason(RecordHeaders headers) {
        try {
            EventEnvelope.of(headers, 0, 0);
        } catch (InvalidEventException e) {
            return e.getMessage();
        }
        throw new AssertionError("an invalid event id was accepted");
    }
}
