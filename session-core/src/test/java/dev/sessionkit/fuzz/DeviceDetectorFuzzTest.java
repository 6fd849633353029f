package dev.sessionkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sessionkit.device.DeviceDetector;
import dev.sessionkit.device.DeviceInfo;
import dev.sessionkit.device.DeviceType;
import dev.sessionkit.device.UserAgentData;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fuzzes {@code DeviceDetector.standard()} (uap-java's rules, the bot/tablet/console rules on top, the client hint
 * parsing and how hints refine the user agent) with arbitrary {@code User-Agent} and {@code Sec-CH-UA*} header
 * values. Detection runs at every login on attacker-chosen headers, so it must never throw and must return names
 * that are safe to store and show; it must also keep its documented rules: hints count only for browsers that can
 * send them, a bot stays what its user agent says, and a repeated request (a cache hit) gets the same answer.
 *
 * <p>Regression inputs: {@code src/test/resources/dev/sessionkit/fuzz/DeviceDetectorFuzzTestInputs/detect/}, each
 * written like request headers: the first line is the {@code User-Agent} value, every further line a
 * {@code name: value} client hint header.
 */
class DeviceDetectorFuzzTest {

    /** Built once: loading uap-java's rules takes about 0.2 s, and the cache is part of what is tested. */
    private static final DeviceDetector DETECTOR = DeviceDetector.standard();

    @FuzzTest
    void detect(FuzzedDataProvider data) {
        String[] lines = data.consumeRemainingAsString().split("\n", -1);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon >= 0) {
                headers.put(lines[i].substring(0, colon), lines[i].substring(colon + 1));
            }
        }
        UserAgentData request = new UserAgentData(lines[0], headers);
        assertNormalised(request);

        DeviceInfo info = DETECTOR.detect(request);
        assertSafe(info);
        assertEquals(info, DETECTOR.detect(request), "a repeated request (cache hit) gets the same answer");

        DeviceInfo fromUserAgent = DETECTOR.detect(UserAgentData.of(request.userAgent()));
        assertSafe(fromUserAgent);
        if (request.clientHints().isEmpty()) {
            assertEquals(fromUserAgent, info, "without hints only the user agent counts");
        }
        String userAgent = request.userAgent();
        if (!userAgent.isBlank() && !userAgent.contains("Chrome/")) {
            assertEquals(fromUserAgent, info, "only Chromium browsers send hints; others' are ignored");
        }
        if (fromUserAgent.type() == DeviceType.BOT) {
            assertEquals(fromUserAgent, info, "a bot stays what its user agent says, whatever hints it sends");
        }
        if (userAgent.isBlank() && request.clientHints().isEmpty()) {
            assertEquals(DeviceInfo.unknown(), info, "nothing sent, nothing known");
        }
    }

    /** What UserAgentData promises about every request it carries, whatever was sent. */
    private static void assertNormalised(UserAgentData request) {
        assertNotNull(request.userAgent());
        assertTrue(request.userAgent().length() <= UserAgentData.MAX_USER_AGENT_LENGTH);
        request.clientHints().forEach((name, value) -> {
            assertTrue(name.startsWith("sec-ch-ua") && name.length() <= UserAgentData.MAX_HINT_NAME_LENGTH, name);
            assertEquals(name.strip().toLowerCase(Locale.ROOT), name);
            assertTrue(value.length() <= UserAgentData.MAX_HINT_VALUE_LENGTH && value.equals(value.strip()), value);
        });
    }

    /**
     * Safe to store in any database and show on a page: present, short, one clean line of well-formed UTF-16
     * (a lone surrogate cannot be stored as UTF-8 or written as JSON).
     */
    private static void assertSafe(DeviceInfo info) {
        assertNotNull(info);
        assertNotNull(info.type());
        for (String name : new String[] {info.browser(), info.os()}) {
            assertNotNull(name);
            assertFalse(name.isBlank(), "blank name");
            assertTrue(name.length() <= DeviceInfo.MAX_NAME_LENGTH, name);
            assertEquals(name.strip(), name);
            assertFalse(name.contains("  "), "runs of blanks are collapsed: " + name);
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                assertFalse(Character.isISOControl(c) || (Character.isWhitespace(c) && c != ' '),
                        "control or odd white space in " + escape(name));
                if (Character.isHighSurrogate(c)) {
                    assertTrue(i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1)),
                            "lone high surrogate in " + escape(name));
                    i++;
                } else {
                    assertFalse(Character.isLowSurrogate(c), "lone low surrogate in " + escape(name));
                }
            }
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return out.toString();
    }
}
