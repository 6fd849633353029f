package dev.sessionkit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written JSON writer, read back by an independent strict parser (Jackson, strict settings). */
class JsonWriterTest {

    // Strict: raw control characters in strings and text after the document fail, as RFC 8259 demands.
    private static final JsonMapper PARSER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private static Object parse(String json) {
        try {
            return PARSER.readValue(json, Object.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("not valid JSON: " + json, e);
        }
    }

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

        assertEquals(document.toString(), parse(JsonWriter.indented(document)).toString());
    }

    @Test
    void writeWhenStringsHoldQuotesBackslashesAndControlCharactersThenEscapesThem() {
        String nasty = "quote\" backslash\\ newline\n tab\t bell\u0007 escape\u001b[31m nul\u0000 sep\u2028 é 😀";

        String json = JsonWriter.indented(List.of(nasty));

        assertEquals(List.of(nasty), parse(json));
        assertEquals(-1, json.indexOf('\u001b'));
        assertEquals(-1, json.indexOf('\u2028'));
    }

    @Test
    void writeWhenLoneSurrogateThenEscapesIt() {
        String lone = "a" + '\ud800' + "b";

        assertEquals("[\n  \"a\\ud800b\"\n]", JsonWriter.indented(List.of(lone)));
    }

    @Test
    void writeWhenInstantThenIso8601String() {
        assertEquals("\"2026-03-03T10:00:00Z\"", JsonWriter.indented(Instant.parse("2026-03-03T10:00:00Z")));
    }

    @Test
    void writeWhenMapKeepsInsertionOrderThenKeysInThatOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : Arrays.asList("z", "a", "m")) {
            map.put(key, key);
        }

        assertEquals("{\n  \"z\": \"z\",\n  \"a\": \"a\",\n  \"m\": \"m\"\n}", JsonWriter.indented(map));
    }

    @Test
    void compactWhenNestedValuesThenOneLineWithNoSpacesThatParsesBackEqual() {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Not Found");
        problem.put("status", 404);
        problem.put("detail", "No \"such\" session.\n");
        problem.put("list", List.of(1L, List.of(), Map.of()));

        String json = JsonWriter.compact(problem);

        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"No \\\"such\\\" session.\\n\",\"list\":[1,[],{}]}", json);
        assertEquals(problem.toString(), parse(json).toString());
    }

    @Test
    void quoteEscapesWhatJsonRequires() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", JsonWriter.quote("a\"b\\c\n\u0001"));
    }

    @Test
    void writeWhenUnsupportedTypeThenFails() {
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.indented(new Object()));
    }
}
