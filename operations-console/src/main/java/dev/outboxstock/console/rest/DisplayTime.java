package dev.outboxstock.console.rest;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the page shows a point in time: to the second, in UTC, as every service logs it. */
@TemplateExtension
final class DisplayTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private DisplayTime() {}

    static String display(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
