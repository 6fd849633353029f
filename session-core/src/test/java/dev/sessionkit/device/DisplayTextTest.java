package dev.sessionkit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link DisplayText}: whatever comes in, what goes out is short, readable text that no page can mistake for markup. */
class DisplayTextTest {

    private static final int MAX = 64;
    private static final String ALLOWED_PUNCTUATION = ".,()_-/:;+'";

    static Stream<Arguments> hostileInputs() {
        return Stream.of(
                Arguments.of("attribute break-out (issue 11)", "x\" autofocus onfocus=\"document.title='PWNED'//",
                        "x autofocus onfocusdocument.title'PWNED'//"),
                Arguments.of("script tag", "<script>alert(1)</script>", "scriptalert(1)/script"),
                Arguments.of("img onerror", "<img src=x onerror=alert(1)>", "img srcx onerroralert(1)"),
                Arguments.of("backticks and template", "`${alert(1)}`", "alert(1)"),
                Arguments.of("ampersand entity", "Chrome &lt;120&gt; &amp;", "Chrome lt;120gt; amp;"),
                Arguments.of("backslash and double quote", "Edge\\\"131\"", "Edge131"),
                Arguments.of("bidi override", "Chrome\u202E021 emorhC\u202C", "Chrome021 emorhC"),
                Arguments.of("bidi isolates and marks", "\u2066Safari\u2069\u200E\u200F 17", "Safari 17"),
                Arguments.of("zero-width characters", "Fi\u200Bre\u200Dfox\uFEFF", "Firefox"),
                Arguments.of("line and paragraph separators", "Windows\u202811\u2029Pro", "Windows 11 Pro"),
                Arguments.of("C0 and C1 controls", "Linux\u0000\u001b[31m\u0085x\u009b", "Linux31mx"),
                Arguments.of("tabs and newlines", "\t Chrome \r\n 120 \n", "Chrome 120"),
                Arguments.of("no-break and ideographic spaces", "Mac\u00A0OS\u3000X", "Mac OS X"),
                Arguments.of("unpaired surrogates", "\uD800iOS\uDC00 17", "iOS 17"),
                Arguments.of("emoji and symbols", "Opera \uD83D\uDE00 ☃ ™ 99", "Opera 99"),
                Arguments.of("equals, percent, hash", "a=b%20#c", "ab20c"),
                Arguments.of("only hostile characters", "\"<>&`\\=", "Unknown"),
                Arguments.of("blank", " \t\u2028 ", "Unknown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void cleanWhenHostileInputThenOnlyAllowedCharactersLeft(String label, String input, String expected) {
        String cleaned = DisplayText.clean(input, MAX, "Unknown");
        assertEquals(expected, cleaned);
        assertAllowed(cleaned);
    }

    @Test
    void cleanWhenRealNamesThenKeptAsTheyAre() {
        for (String name : new String[] {"Chrome 131", "Safari 17.1", "Mac OS X 10_15_7", "Windows NT 10.0; Win64",
            "Côte d'Ivoire", "São Paulo", "Zürich", "Yandex Браузер", "東京", "Bosnia-Herzegovina",
            "Samsung Internet/23.0", "C++ (beta)", "Android 14: Pixel 8", "हिन्दी"}) {
            assertEquals(name, DisplayText.clean(name, MAX, "Unknown"), name);
            assertTrue(DisplayText.isSafe(name, MAX), name);
        }
    }

    @Test
    void cleanWhenTenKilobytesThenCutToMax() {
        String cleaned = DisplayText.clean("Chrome ".repeat(1_500), MAX, "Unknown");
        assertTrue(cleaned.length() <= MAX, cleaned);
        assertTrue(cleaned.startsWith("Chrome Chrome"), cleaned);
        assertEquals(cleaned.strip(), cleaned, "no trailing space after the cut");
        assertEquals("a".repeat(MAX), DisplayText.clean("a".repeat(10_240), MAX, "Unknown"));
        assertEquals("Unknown", DisplayText.clean("\"".repeat(10_240), MAX, "Unknown"));
    }

    @Test
    void cleanWhenCutWouldSplitASurrogatePairThenThePairGoes() {
        String letterOutsideTheBmp = "\uD801\uDC00"; // DESERET CAPITAL LETTER LONG I, a letter (Lu)
        String cleaned = DisplayText.clean("x".repeat(MAX - 1) + letterOutsideTheBmp, MAX, "Unknown");
        assertEquals("x".repeat(MAX - 1), cleaned);
        assertEquals("x" + letterOutsideTheBmp, DisplayText.clean("x" + letterOutsideTheBmp, MAX, "Unknown"));
    }

    @Test
    void cleanWhenNullThenFallbackItself() {
        String fallback = new String("none");
        assertSame(fallback, DisplayText.clean(null, MAX, fallback));
        assertEquals(null, DisplayText.clean("<>", MAX, null));
    }

    @Test
    void cleanWhenMaxBelowOneThenRejected() {
        assertThrows(IllegalArgumentException.class, () -> DisplayText.clean("x", 0, "Unknown"));
    }

    @Test
    void isSafeWhenTextNeedsCleaningThenFalse() {
        assertFalse(DisplayText.isSafe(null, MAX));
        assertFalse(DisplayText.isSafe("", MAX));
        assertFalse(DisplayText.isSafe(" Chrome", MAX));
        assertFalse(DisplayText.isSafe("Chrome  120", MAX));
        assertFalse(DisplayText.isSafe("a\"b", MAX));
        assertFalse(DisplayText.isSafe("a".repeat(MAX + 1), MAX));
    }

    /** Random strings over a hostile alphabet (fixed seeds, so a failure reproduces): the invariants always hold. */
    static IntStream seeds() {
        return IntStream.range(0, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cleanWhenRandomTextThenSafeIdempotentAndShort(int seed) {
        Random random = new Random(seed);
        String alphabet = "aZ09 .,()_-/:;+'\"<>&`\\=%#{}[]!?*$@^|~\t\n\r\u0000\u001b\u007f\u0085\u00A0\u200B\u200E"
                + "\u202A\u202E\u2066\u2069\u2028\u2029\uFEFF\u00e9\u0301\u65e5\u0416\uD83D\uDE00\uD800\uDC00";
        StringBuilder input = new StringBuilder();
        int length = random.nextInt(3) == 0 ? 10_240 : random.nextInt(120);
        while (input.length() < length) {
            input.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String cleaned = DisplayText.clean(input.toString(), MAX, "Unknown");
        assertAllowed(cleaned);
        assertTrue(cleaned.length() <= MAX, () -> "too long: " + cleaned.length());
        assertEquals(cleaned, DisplayText.clean(cleaned, MAX, "Unknown"), "cleaning twice changes nothing");
        assertTrue(DisplayText.isSafe(cleaned, MAX), cleaned);
    }

    /** The allowlist, restated independently of the implementation. */
    private static void assertAllowed(String text) {
        assertFalse(text.isEmpty());
        assertEquals(text.strip(), text, "no leading or trailing space");
        assertFalse(text.contains("  "), "no runs of spaces");
        text.codePoints().forEach(c -> assertTrue(c == ' ' || Character.isLetterOrDigit(c)
                        || Character.getType(c) == Character.NON_SPACING_MARK
                        || Character.getType(c) == Character.COMBINING_SPACING_MARK
                        || ALLOWED_PUNCTUATION.indexOf(c) >= 0,
                () -> String.format("U+%04X is not allowed in %s", c, text)));
        for (String forbidden : new String[] {"\"", "<", ">", "&", "`", "\\", "="}) {
            assertFalse(text.contains(forbidden), forbidden);
        }
    }
}
