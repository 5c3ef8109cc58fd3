package dev.outboxstock.console.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String SCRAPE = """
            # HELP relay_commit_to_ack_seconds Time from the outbox row's commit to Kafka's acknowledgement
            # TYPE relay_commit_to_ack_seconds histogram
            relay_commit_to_ack_seconds_bucket{le="0.001"} 0
            relay_commit_to_ack_seconds_count 40
            relay_commit_to_ack_seconds_sum 2.0
            relay_commit_to_ack_seconds_max{application="outbox-relay"} 0.25
            relay_slot_retained_wal_bytes NaN
            """;

    @Test
    void readsUnlabelledAndLabelledSamplesByTheirWholeName() {
        PrometheusText metrics = new PrometheusText(SCRAPE);

        assertThat(metrics.value("relay_commit_to_ack_seconds_count")).contains(40.0);
        assertThat(metrics.value("relay_commit_to_ack_seconds_sum")).contains(2.0);
        assertThat(metrics.value("relay_commit_to_ack_seconds_max")).contains(0.25);
        assertThat(metrics.value("relay_commit_to_ack_seconds")).isEmpty();
        assertThat(metrics.value("relay_slot_retained_wal_bytes")).contains(Double.NaN);
        assertThat(metrics.value("no_such_metric")).isEmpty();
    }
}
