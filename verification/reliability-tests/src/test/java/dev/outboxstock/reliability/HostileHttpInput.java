package dev.outboxstock.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates request bodies and headers an attacker or a broken client might send: malformed and deeply nested
 * JSON, huge numbers and bodies, wrong types, unicode, SQL-looking strings, random bytes. Every body it makes is
 * invalid for the endpoints it is sent to, so none of them may change anything.
 */
final class HostileHttpInput {

    private static final List<String> NASTY_STRINGS = List.of(
            "'; DROP TABLE customer_order; --",
            "\" OR \"1\"=\"1",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}",
            "\u0000",
            "\uD83D\uDCA5\u202E\u200B",
            "a".repeat(10_000),
            "",
            " ");
    private static final List<String> NASTY_NUMBERS = List.of(
            "-1", "0", "1e999999", "99999999999999999999999999", "-0.0", "1.5", "NaN", "0x10", "1e-400", "10001");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=utf-16",
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "*/*",
            "application/problem+json");

    private final Random random;

    HostileHttpInput(long seed) {
        this.random = new Random(seed);
    }

    /** A body for {@code POST /orders} that is never a valid order. */
    byte[] orderBody() {
        return pick(List.<Supplier<String>>of(
                        // Objects of one field at most, never a line's productId and quantity together.
                        () -> randomValue(0),
                        () -> "{\"lines\":[{\"productId\":" + quoted(pick(NASTY_STRINGS)) + ",\"quantity\":1}]}",
                        () -> "{\"lines\":[{\"productId\":\"apple\",\"quantity\":" + pick(NASTY_NUMBERS) + "}]}",
                        () -> "{\"lines\":" + randomValue(0) + "}",
                        () -> "{\"lines\":[" + "{\"productId\":\"p\",\"quantity\":1},".repeat(101) + "{}]}",
                        () -> "[".repeat(100_000) + "]".repeat(100_000),
                        () -> "{\"lines\":[{\"productId\":\"apple\",\"quantity\":1}], \"" + pick(NASTY_STRINGS)
                                + "\":1}",
                        () -> "{\"lines\":[{\"productId\":\"apple\",\"quantity\":1},"
                                + "{\"productId\":\"apple\",\"quantity\":2}]}",
                        () -> "{\"lines\": [ {\"productId\": \"apple\", \"quantity\": 1 ]",
                        () -> " ".repeat(70_000),
                        () -> new String(randomBytes(512), StandardCharsets.ISO_8859_1)))
                .get()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A body for {@code PUT /products/{id}/stock} that is never a valid stock level. */
    byte[] stockBody() {
        return pick(List.<Supplier<String>>of(
                        // An array, never the object a stock level is.
                        () -> "[" + randomValue(0) + "]",
                        () -> "{\"available\":" + pick(List.of("-1", "1e999999", "1000000001", "\"5\"", "5.5", "null"))
                                + "}",
                        () -> "{\"available\":5,\"" + pick(NASTY_STRINGS) + "\":1}",
                        () -> "{\"available\":",
                        () -> "{" + "\"a\":{".repeat(5_000) + "}".repeat(5_001)))
                .get()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A path segment where an id belongs. */
    String id() {
        return pick(List.of(
                pick(NASTY_STRINGS),
                pick(NASTY_NUMBERS),
                "00000000-0000-0000-0000-00000000000" + random.nextInt(10),
                "a".repeat(1 + random.nextInt(300))));
    }

    String queryValue() {
        return pick(List.of(pick(NASTY_STRINGS), pick(NASTY_NUMBERS), "PENDING", "shipped", "-2147483649"));
    }

    String contentType() {
        return pick(CONTENT_TYPES);
    }

    Map<String, String> headers() {
        return Map.of(
                "Idempotency-Key",
                        pick(List.of("k".repeat(129), "é", "key with space", "x".repeat(1 + random.nextInt(128)))),
                "traceparent", pick(List.of("garbage", "00-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01", "ff-x")));
    }

    private String randomValue(int depth) {
        int kind = depth > 4 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> quoted(pick(NASTY_STRINGS));
            case 1 -> pick(NASTY_NUMBERS);
            case 2 -> pick(List.of("true", "false", "null"));
            case 3 -> "\"" + new String(randomBytes(8), StandardCharsets.ISO_8859_1).replace("\"", "") + "\"";
            case 4 -> "[" + randomValue(depth + 1) + "," + randomValue(depth + 1) + "]";
            default ->
                "{" + quoted(pick(List.of("lines", "productId", "quantity", "available", "x"))) + ":"
                        + randomValue(depth + 1) + "}";
        };
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
