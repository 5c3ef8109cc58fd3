package dev.outboxstock.console.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossSiteFormsTest {

    private static final URI SIGN_IN = URI.create("https://console.example.com/sign-in");

    @ParameterizedTest(name = "Sec-Fetch-Site {0}, Origin {1}: cross-site {2}")
    @CsvSource(
            nullValues = "-",
            value = {
                "same-origin, -,                              false",
                "none,        -,                              false",
                "same-site,   -,                              true",
                "cross-site,  https://console.example.com,    true",
                "-,           https://console.example.com,    false",
                "-,           HTTPS://Console.Example.com,    false",
                "-,           https://evil.example.org,       true",
                "-,           http://console.example.com,     true",
                "-,           https://console.example.com:8443, true",
                "-,           null,                           true",
                "-,           -,                              false"
            })
    void aFormIsCrossSiteByWhatTheBrowserSays(String fetchSite, String origin, boolean crossSite) {
        assertThat(CrossSiteForms.isCrossSite(fetchSite, origin, SIGN_IN)).isEqualTo(crossSite);
    }
}
