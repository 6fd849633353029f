package dev.sessionkit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever arrives in the headers, detection answers with a sane {@link DeviceInfo} and never throws. */
class DeviceDetectorRobustnessTest {

    private static final DeviceDetector DETECTOR = DeviceDetector.standard();
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    static Stream<Arguments> hostileUserAgents() {
        return Stream.of(
                Arguments.of("null", null),
                Arguments.of("empty", ""),
                Arguments.of("blanks", " \t "),
                Arguments.of("garbage", "}{%$#@!*&^~`|\\<>"),
                Arguments.of("10 KB of a", "a".repeat(10_240)),
                Arguments.of("10 KB of Chrome", (CHROME + " ").repeat(60)),
                Arguments.of("10 KB of parentheses", "Mozilla/5.0 (" + "(".repeat(10_240)),
                Arguments.of("10 KB of slashes and digits", "x/1.".repeat(2_560)),
                Arguments.of("non-ASCII", "Mözilla/5.0 (Wïndows NT 10.0) 日本語 ☃ \uD83D\uDE00 Chrome/120.0"),
                Arguments.of("lone surrogates", "\uD800Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X)\uDC00"),
                Arguments.of("control characters", "Mozilla/5.0\u0000 (Windows NT 10.0;\r\n Win64)\u001b[31m"
                        + " Chrome/120.0.0.0\u007f"),
                Arguments.of("header injection", CHROME + "\r\nSet-Cookie: sid=stolen"),
                Arguments.of("only a version", "/1.0"),
                Arguments.of("huge version numbers", "Chrome/99999999999999999999.0 (Android 99999999999999)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileUserAgents")
    void detectWhenHostileUserAgentThenSaneInfoAndNoException(String label, String userAgent) {
        assertSane(DETECTOR.detect(UserAgentData.of(userAgent)));
    }

    @Test
    void detectWhenNullOrEmptyThenUnknown() {
        assertEquals(DeviceInfo.unknown(), DETECTOR.detect(null));
        assertEquals(DeviceInfo.unknown(), DETECTOR.detect(UserAgentData.of(null)));
        assertEquals(DeviceInfo.unknown(), DETECTOR.detect(UserAgentData.of("   ")));
    }

    @Test
    void detectWhenControlCharactersInUserAgentThenResultHasNone() {
        DeviceInfo info = DETECTOR.detect(UserAgentData.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64)"
                + " AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36\r\n\u0000"));
        assertEquals(new DeviceInfo(DeviceType.DESKTOP, "Chrome 120", "Windows 10"), info);
    }

    @Test
    void detectWhenTenKilobyteUserAgentThenOnlyFirst512CharactersCount() {
        DeviceInfo longOne = DETECTOR.detect(UserAgentData.of(CHROME + " " + "x".repeat(10_000) + " Mobile"));
        assertEquals(new DeviceInfo(DeviceType.DESKTOP, "Chrome 120", "Windows 10"), longOne);
    }

    @Test
    void detectWhenRandomUserAgentsAndHintsThenNeverThrows() {
        Random random = new Random(20_240_601L); // fixed seed: a failure reproduces
        String alphabet = "abcKLMxyz0189 ;:/()._-\"?,=\\\u0000\t\u00e9\u65e5\uD83D\uDE00";
        String[] fragments = {"Mozilla/5.0 ", "(Linux; Android ", "iPhone", "Mobile", "Windows NT ", "bot",
            "Chrome/", "Safari/", "Tablet", "CrOS", "\"Chromium\";v=\"", "?1", "\"Windows\""};
        for (int i = 0; i < 300; i++) {
            String ua = randomText(random, alphabet, fragments, random.nextInt(200));
            Map<String, String> hints = Map.of(
                    "sec-ch-ua", randomText(random, alphabet, fragments, random.nextInt(60)),
                    "sec-ch-ua-mobile", randomText(random, alphabet, fragments, random.nextInt(4)),
                    "sec-ch-ua-platform", randomText(random, alphabet, fragments, random.nextInt(20)),
                    "sec-ch-ua-platform-version", randomText(random, alphabet, fragments, random.nextInt(12)));
            assertSane(DETECTOR.detect(new UserAgentData(ua, hints)));
        }
    }

    @Test
    void noneWhenAnyInputThenUnknownFromOneSharedInstance() {
        DeviceDetector none = DeviceDetector.none();
        assertSame(none, DeviceDetector.none());
        assertEquals(DeviceInfo.unknown(), none.detect(null));
        assertEquals(DeviceInfo.unknown(), none.detect(UserAgentData.of(CHROME)));
    }

    @Test
    void standardWhenCalledTwiceThenIndependentInstances() {
        assertNotSame(DeviceDetector.standard(), DeviceDetector.standard());
    }

    private static String randomText(Random random, String alphabet, String[] fragments, int length) {
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            if (random.nextInt(4) == 0) {
                out.append(fragments[random.nextInt(fragments.length)]);
            } else {
                out.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return out.toString();
    }

    private static void assertSane(DeviceInfo info) {
        assertNotNull(info);
        assertNotNull(info.type());
        for (String name : new String[] {info.browser(), info.os()}) {
            assertFalse(name.isBlank(), "blank name");
            assertTrue(name.length() <= DeviceInfo.MAX_NAME_LENGTH, () -> "too long: " + name);
            assertTrue(name.chars().noneMatch(Character::isISOControl), () -> "control character in " + name);
            assertEquals(name.strip(), name);
            assertTrue(DisplayText.isSafe(name, DeviceInfo.MAX_NAME_LENGTH), () -> "not safe display text: " + name);
        }
    }
}
