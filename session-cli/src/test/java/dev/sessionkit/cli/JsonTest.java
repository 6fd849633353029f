package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written JSON writer, read back by an independent strict parser. */
class JsonTest {

    @Test
    void writeWhenNestedValuesThenParsesBackEqual() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("n", 42L);
        inner.put("negative", -7);
        inner.put("flag", false);
        inner.put("none", null);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("text", "plain");
        document.put("list", List.of(1L, "two", List.of(), Map.of()));
        document.put("inner", inner);
        document.put("empty", new ArrayList<>());

        assertEquals(document.toString(), JsonParser.parse(Json.write(document)).toString());
    }

    @Test
    void writeWhenStringsHoldQuotesBackslashesAndControlCharactersThenEscapesThem() {
        String nasty = "quote\" backslash\\ newline\n tab\t bell\u0007 escape\u001b[31m nul\u0000 sep\u2028 é 😀";

        String json = Json.write(List.of(nasty));

        assertEquals(List.of(nasty), JsonParser.parse(json));
        assertEquals(-1, json.indexOf('\u001b'));
        assertEquals(-1, json.indexOf('\u2028'));
    }

    @Test
    void writeWhenLoneSurrogateThenEscapesIt() {
        String lone = "a" + '\ud800' + "b";

        assertEquals("[\n  \"a\\ud800b\"\n]", Json.write(List.of(lone)));
    }

    @Test
    void writeWhenInstantThenIso8601String() {
        assertEquals("\"2026-03-03T10:00:00Z\"", Json.write(Instant.parse("2026-03-03T10:00:00Z")));
    }

    @Test
    void writeWhenMapKeepsInsertionOrderThenKeysInThatOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : Arrays.asList("z", "a", "m")) {
            map.put(key, key);
        }

        assertEquals("{\n  \"z\": \"z\",\n  \"a\": \"a\",\n  \"m\": \"m\"\n}", Json.write(map));
    }

    @Test
    void writeWhenUnsupportedTypeThenFails() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }
}
