package dev.outboxstock.consumer;

/**
 * A record that no retry can make valid: it goes to the dead-letter topic with this message as the reason.
 *
 * <p>A reason quotes what the record held (a header, a key), which anyone who can write to the topic controls, and
 * it ends up in logs and headers: so it is cut to {@value #MAX_REASON_LENGTH} characters and everything but
 * printable characters is escaped, so that no record can forge log lines or smuggle control codes.
 */
public class InvalidEventException extends Exception {

    static final int MAX_REASON_LENGTH = 300;

    public InvalidEventException(String reason) {
        super(printable(reason));
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(printable(reason), cause);
    }

    private static String printable(String reason) {
        StringBuilder printable = new StringBuilder();
        reason.codePoints().limit(MAX_REASON_LENGTH).forEach(codePoint -> {
            if (Character.isISOControl(codePoint)
                    || !Character.isDefined(codePoint)
                    || Character.getType(codePoint) == Character.FORMAT
                    || Character.getType(codePoint) == Character.SURROGATE
                    || codePoint == 0xFFFD) {
                printable.append(String.format("\\u%04x", codePoint));
            } else {
                printable.appendCodePoint(codePoint);
            }
        });
        if (reason.codePointCount(0, reason.length()) > MAX_REASON_LENGTH) {
            printable.append("...");
        }
        return printable.toString();
    }
}
