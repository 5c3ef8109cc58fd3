package dev.outboxstock.console.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DisplayTextTest {

    @Test
    void textIsShownAsItIs() {
        byte[] text = "Grüße \\ 🚀".getBytes(StandardCharsets.UTF_8);

        assertThat(DisplayText.isText(text)).isTrue();
        assertThat(DisplayText.of(text)).isEqualTo("Grüße \\ 🚀");
    }

    @Test
    void aNulAndBytesThatAreNoUtf8AreShownEscapedAndTheRestAsText() {
        byte[] bytes = {'a', 0, 'b', (byte) 0xFF, (byte) 0xC3, (byte) 0xBC, '\\', (byte) 0xE2, (byte) 0x82};

        assertThat(DisplayText.isText(bytes)).isFalse();
        assertThat(DisplayText.of(bytes)).isEqualTo("a\\x00b\\xFFü\\\\\\xE2\\x82");
        assertThat(DisplayText.of(null)).isNull();
    }

    @Test
    void aTextLongerThanItsColumnIsCutAndSaysSo() {
        assertThat(DisplayText.bounded("x".repeat(70), 64)).hasSize(64).endsWith("x…");
        assertThat(DisplayText.bounded("🚀".repeat(70), 64).codePointCount(0, 64 * 2 - 1))
                .isEqualTo(64);
        assertThat(DisplayText.bounded("x".repeat(64), 64)).isEqualTo("x".repeat(64));
    }
}
