package dev.sessionkit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserAgentDataTest {

    @Test
    void ofWhenUserAgentNullThenEmptyStringAndNoHints() {
        UserAgentData data = UserAgentData.of(null);
        assertEquals("", data.userAgent());
        assertTrue(data.clientHints().isEmpty());
    }

    @Test
    void constructorWhenHintsNullThenEmptyMap() {
        assertEquals(Map.of(), new UserAgentData("curl/8.4.0", null).clientHints());
    }

    @Test
    void constructorWhenUserAgentLongerThan512ThenCutTo512() {
        assertEquals("a".repeat(512), UserAgentData.of("a".repeat(10_000)).userAgent());
        assertEquals("a".repeat(512), UserAgentData.of("a".repeat(512)).userAgent());
    }

    @Test
    void constructorWhenCutFallsInsideSurrogatePairThenPairIsDroppedWhole() {
        String ua = "a".repeat(511) + "\uD83D\uDE00";
        assertEquals("a".repeat(511), UserAgentData.of(ua).userAgent());
    }

    @Test
    void constructorWhenHintNamesInAnyCaseThenLowerCasedAndValuesStripped() {
        Map<String, String> hints = new LinkedHashMap<>();
        hints.put("Sec-CH-UA", "\"Chromium\";v=\"120\"");
        hints.put("SEC-CH-UA-MOBILE", " ?0 ");
        hints.put(" Sec-CH-UA-Platform ", "\"Windows\"");
        hints.put("Sec-CH-UA-Platform-Version", "\"15.0.0\"");
        hints.put("Sec-CH-UA-Model", "\"\"");
        hints.put("Sec-CH-UA-Full-Version-List", "\"Chromium\";v=\"120.0.6099.130\"");

        UserAgentData data = new UserAgentData("ua", hints);

        assertEquals(Map.of(
                "sec-ch-ua", "\"Chromium\";v=\"120\"",
                "sec-ch-ua-mobile", "?0",
                "sec-ch-ua-platform", "\"Windows\"",
                "sec-ch-ua-platform-version", "\"15.0.0\"",
                "sec-ch-ua-model", "\"\"",
                "sec-ch-ua-full-version-list", "\"Chromium\";v=\"120.0.6099.130\""), data.clientHints());
    }

    @Test
    void constructorWhenValueLongerThan256ThenHintDropped() {
        Map<String, String> hints = Map.of(
                "sec-ch-ua-model", "\"" + "m".repeat(300) + "\"",
                "sec-ch-ua-platform", "\"" + "w".repeat(254) + "\""); // 256 chars exactly: kept
        UserAgentData data = new UserAgentData("ua", hints);
        assertEquals(Map.of("sec-ch-ua-platform", "\"" + "w".repeat(254) + "\""), data.clientHints());
    }

    @Test
    void constructorWhenNullsOrOtherHeadersThenDropped() {
        Map<String, String> hints = new HashMap<>();
        hints.put(null, "?1");
        hints.put("sec-ch-ua-mobile", null);
        hints.put("Accept-Language", "en");
        hints.put("sec-ch-ua-" + "x".repeat(60), "?1");
        hints.put("Sec-CH-UA-Platform", "\"Android\"");
        assertEquals(Map.of("sec-ch-ua-platform", "\"Android\""), new UserAgentData("ua", hints).clientHints());
    }

    @Test
    void constructorWhenNamesDifferOnlyInCaseThenTheOneSortingFirstWins() {
        Map<String, String> hints = new HashMap<>();
        hints.put("sec-ch-ua-mobile", "?0");
        hints.put("Sec-CH-UA-Mobile", "?1"); // "S" sorts before "s"
        assertEquals(Map.of("sec-ch-ua-mobile", "?1"), new UserAgentData("ua", hints).clientHints());
    }

    @Test
    void constructorWhenCallerMutatesItsMapThenCopyUnchangedAndImmutable() {
        Map<String, String> hints = new HashMap<>(Map.of("sec-ch-ua-mobile", "?1"));
        UserAgentData data = new UserAgentData("ua", hints);
        hints.put("sec-ch-ua-platform", "\"Android\"");
        assertEquals(Map.of("sec-ch-ua-mobile", "?1"), data.clientHints());
        assertThrows(UnsupportedOperationException.class, () -> data.clientHints().put("a", "b"));
    }
}
