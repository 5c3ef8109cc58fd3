package dev.outboxstock.console.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The API's reading and the page's agree on an instant; only the page's takes a time without a zone. */
class TimeTextTest {

    private static final Instant TWO_PM = Instant.parse("2026-11-30T14:00:00Z");

    @Test
    void bothReadAnInstant() {
        assertThat(TimeText.INSTANT_ONLY.read("2026-11-30T14:00:00Z")).contains(TWO_PM);
        assertThat(TimeText.ZONE_LESS_AS_UTC.read("2026-11-30T14:00:00Z")).contains(TWO_PM);
    }

    @Test
    void onlyTheLenientReadingTakesATimeWithoutAZoneAsUtc() {
        assertThat(TimeText.INSTANT_ONLY.read("2026-11-30T14:00:00")).isEmpty();
        assertThat(TimeText.ZONE_LESS_AS_UTC.read("2026-11-30T14:00:00")).contains(TWO_PM);
    }

    @Test
    void neitherReadsWhatIsNoTime() {
        assertThat(TimeText.INSTANT_ONLY.read("yesterday")).isEmpty();
        assertThat(TimeText.ZONE_LESS_AS_UTC.read("yesterday")).isEmpty();
    }
}
