package dev.outboxstock.console.deadletter;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A dead letter's bytes as the index shows them. Bytes that are text PostgreSQL can store (valid UTF-8 without a NUL)
 * are shown as they are; any others are shown escaped: each NUL and each byte that is not part of valid UTF-8 as
 * {@code \xNN}, a backslash as {@code \\}. The bytes themselves are kept beside the text (the {@code raw_*} columns),
 * so that a replay sends what was received. A shown text longer than its column is cut ({@link #bounded}): a display
 * column never refuses a record.
 */
public final class DisplayText {

    /** What a cut text ends with, so that nobody takes it for the whole. */
    static final String CUT = "…";

    private DisplayText() {}

    /** Whether the bytes are shown as they are: valid UTF-8 holding no NUL. */
    public static boolean isText(byte[] bytes) {
        CharsetDecoder decoder = strictDecoder();
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).chars().noneMatch(character -> character == 0);
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    /** The bytes as text, or escaped when they are not text ({@link #isText}); null for null. */
    public static String of(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        return isText(bytes) ? new String(bytes, StandardCharsets.UTF_8) : escaped(bytes);
    }

    /** The text cut to at most {@code maxCharacters} characters (as PostgreSQL counts them), ending with "…" if cut. */
    public static String bounded(String text, int maxCharacters) {
        if (text == null || text.codePointCount(0, text.length()) <= maxCharacters) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxCharacters - CUT.length())) + CUT;
    }

    private static String escaped(byte[] bytes) {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        StringBuilder shown = new StringBuilder(bytes.length + 16);
        while (true) {
            CoderResult result = in.hasRemaining() ? decoder.decode(in, out, true) : CoderResult.UNDERFLOW;
            appendEscaped(shown, out.flip());
            out.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    appendByte(shown, in.get());
                }
            } else if (in.hasRemaining()) {
                appendByte(shown, in.get()); // not expected once the input is known to end: shown as a byte
            } else {
                decoder.flush(out);
                appendEscaped(shown, out.flip());
                return shown.toString();
            }
        }
    }

    private static void appendEscaped(StringBuilder shown, CharBuffer text) {
        while (text.hasRemaining()) {
            char character = text.get();
            if (character == 0) {
                appendByte(shown, (byte) 0);
            } else if (character == '\\') {
                shown.append("\\\\");
            } else {
                shown.append(character);
            }
        }
    }

    private static void appendByte(StringBuilder shown, byte value) {
        shown.append(String.format("\\x%02X", value & 0xFF));
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
