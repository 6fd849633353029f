package dev.sessionkit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11: the structured-field parser turns {@code \"} into a real quote, so client hints (brand, platform, model)
 * and user agents can carry markup. Whatever they carry, the browser and OS names detected are safe display text.
 */
class HostileDeviceNamesTest {

    private static final DeviceDetector DETECTOR = DeviceDetector.standard();
    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";
    private static final String BREAK_OUT = "\"x\\\" autofocus onfocus=\\\"document.title='PWNED'//\"";

    static Stream<Arguments> hostileRequests() {
        return Stream.of(
                Arguments.of("brand breaks out of an attribute", CHROME, Map.of("sec-ch-ua", BREAK_OUT),
                        "x autofocus onfocusdocument.title'PWNED'//", "Linux"),
                Arguments.of("platform breaks out of an attribute", CHROME, Map.of("sec-ch-ua-platform", BREAK_OUT),
                        "Chrome 131", "x autofocus onfocusdocument.title'PWNED'//"),
                Arguments.of("brand with a script tag and version", CHROME,
                        Map.of("sec-ch-ua", "\"<script>alert(1)</script>\";v=\"131\""), "scriptalert(1)/script 131",
                        "Linux"),
                Arguments.of("platform with backticks", CHROME,
                        Map.of("sec-ch-ua-platform", "\"`Windows`\""), "Chrome 131", "Windows"),
                Arguments.of("model and platform with markup", CHROME, Map.of("sec-ch-ua-model", "\"<b>Tab</b>\"",
                        "sec-ch-ua-platform", "\"<img src=x onerror=alert(1)>\"", "sec-ch-ua-mobile", "?0"),
                        "Chrome 131", "img srcx onerroralert(1)"),
                Arguments.of("user agent with markup in its product token", "<svg/onload=alert(1)>/1.0", Map.of(),
                        null, null),
                Arguments.of("user agent with quotes in the OS", "Mozilla/5.0 (\"Windows\" NT 10.0<x>) Chrome/1",
                        Map.of(), null, null),
                Arguments.of("10 KB hint values", CHROME, Map.of("sec-ch-ua", "\"" + "<".repeat(10_240) + "\"",
                        "sec-ch-ua-platform", "\"" + "\\\"".repeat(5_000) + "\""), "Chrome 131", "Linux"),
                Arguments.of("10 KB user agent of quotes", "\"".repeat(10_240), Map.of(), "Unknown", "Unknown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void detectWhenHostileHeadersThenNamesAreSafeText(String label, String userAgent, Map<String, String> hints,
            String browser, String os) {
        DeviceInfo info = DETECTOR.detect(new UserAgentData(userAgent, hints));
        if (browser != null) {
            assertEquals(browser, info.browser());
            assertEquals(os, info.os());
        }
        for (String name : new String[] {info.browser(), info.os()}) {
            assertTrue(DisplayText.isSafe(name, DeviceInfo.MAX_NAME_LENGTH), () -> "not safe: " + name);
            assertTrue(name.chars().noneMatch(c -> "\"<>&`\\=".indexOf(c) >= 0), () -> "markup left in " + name);
        }
    }
}
