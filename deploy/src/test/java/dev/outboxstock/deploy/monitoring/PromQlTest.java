package dev.outboxstock.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheSelectedMetricsAndNothingElse() {
        assertThat(PromQl.metricNames("""
                        max by (namespace, relay) (relay_slot_retained_wal_bytes{job=~"a|b", le="0.5"}) > 1073741824
                        and
                        max by (namespace, relay) (deriv(relay_slot_retained_wal_bytes[30m])) > 0
                        or sum without (pod) (x_total unless x_total offset 10m) > bool 1e3
                        or on (relay) group_left (reason) absent(relay_active{relay="orders-outbox-relay"})
                        """)).containsExactly("relay_active", "relay_slot_retained_wal_bytes", "x_total");
    }

    @Test
    void ignoresGrafanaVariablesAndQuantiles() {
        assertThat(
                        PromQl.metricNames(
                                "histogram_quantile(0.99, sum by (le) (rate(a_seconds_bucket{namespace=\"$namespace\"}[$__rate_interval])))"))
                .containsExactly("a_seconds_bucket");
    }

    @Test
    void findsAMetricSelectedByItsNameAlone() {
        assertThat(PromQl.metricNames("up == 0")).containsExactly("up");
    }
}
