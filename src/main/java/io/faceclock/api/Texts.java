package io.faceclock.api;

import io.faceclock.errors.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The rules for text a caller sends, kept apart from how it arrives (JSON body, query, record), so
 * every field is checked the same way: valid Unicode, no markup, no control characters, no
 * bidirectional overrides, at least one visible character.
 */
public final class Texts {

    /** Stands for a byte sequence that is not UTF-8; valid UTF-8 never decodes to a lone surrogate. */
    static final char NOT_UTF8 = '\uDFFF';

    private static final Pattern MARKUP = Pattern.compile("[<>]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");
    /** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what a reader sees. */
    private static final Pattern BIDI_CONTROL = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");

    private Texts() {
    }

    /**
     * A text field's value checked and stripped: null when blank (or an error when required), an
     * error naming the field when it breaks a rule.
     */
    public static String plain(String field, String value, boolean required, int max) {
        String s = value == null ? "" : value.strip();
        if (s.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, field + (value == null ? " is required" : " must not be empty"));
            }
            return null;
        }
        unicode(field, s);
        if (s.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters");
        }
        if (MARKUP.matcher(s).find()) {
            throw new InvalidInputException(field, field + " must not contain < or > (no HTML or markup)");
        }
        if (CONTROL.matcher(s).find()) {
            throw new InvalidInputException(field, field + " must not contain control characters");
        }
        if (BIDI_CONTROL.matcher(s).find()) {
            throw new InvalidInputException(field, field + " must not contain bidirectional override characters "
                    + "(U+202A to U+202E, U+2066 to U+2069): they make text read differently than it is stored");
        }
        if (!hasVisible(s)) {
            throw new InvalidInputException(field, field + " has no visible character");
        }
        return s;
    }

    /** Refuses text holding bytes that were not UTF-8, or a lone surrogate (such as a "\ud800" escape). */
    public static void unicode(String field, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, field + (c == NOT_UTF8
                        ? " is not valid UTF-8; send text encoded as UTF-8"
                        : " holds a lone surrogate (half of a character); send whole characters"));
            }
        }
    }

    /** The bytes as UTF-8, each malformed sequence kept visible as {@link #NOT_UTF8} for the field check. */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith(String.valueOf(NOT_UTF8)).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException cannot) {
            throw new IllegalStateException(cannot); // REPLACE never reports
        }
    }

    /** True when some character would show: a letter, digit, punctuation or symbol that is not a blank filler. */
    static boolean hasVisible(String s) {
        return s.codePoints().anyMatch(Texts::visible);
    }

    private static boolean visible(int cp) {
        if (cp == 0x3164 || cp == 0x115F || cp == 0x1160 || cp == 0xFFA0 || cp == 0x2800) {
            return false; // Hangul fillers and the blank Braille pattern: letters that draw nothing
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
        return one.codePointCount(0, one.length()) > 40 ? one.substring(0, one.offsetByCodePoints(0, 40)) + "…" : one;
    }
}
