package dev.sessionkit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.device.StructuredFields.StringMember;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StructuredFieldsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "\"Windows\"           | Windows",
        "  \"macOS\"           | macOS",
        "\"\"                  | ''",
        "\"a \\\"quoted\\\" b\" | a \"quoted\" b",
        "\"back\\\\slash\"      | back\\slash",
        "\"Pixel 8\";x=1       | Pixel 8",
    })
    void stringWhenWellFormedThenValue(String header, String expected) {
        assertEquals(Optional.of(expected), StructuredFields.string(header));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Windows", "\"Windows", "\"Win\"dows\"", "\"a\\n\"", "\"caf\u00e9\"", "\"tab\there\"",
        "?1", "\"a\" \"b\"", "\"a\",\"b\"", "\"a\";", "\"a\";V=1"})
    void stringWhenMalformedOrNotAStringThenEmpty(String header) {
        assertEquals(Optional.empty(), StructuredFields.string(header));
    }

    @Test
    void boolWhenWellFormedThenValue() {
        assertEquals(Optional.of(true), StructuredFields.bool("?1"));
        assertEquals(Optional.of(false), StructuredFields.bool(" ?0 "));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1", "?2", "?", "true", "\"?1\"", "?1?1", "?1, ?0"})
    void boolWhenMalformedThenEmpty(String header) {
        assertEquals(Optional.empty(), StructuredFields.bool(header));
    }

    @Test
    void stringListWhenChromeBrandListThenMembersWithVersions() {
        String header = "\"Not_A Brand\";v=\"8\", \"Chromium\";v=\"120\", \"Google Chrome\";v=\"120\"";
        assertEquals(Optional.of(List.of(
                new StringMember("Not_A Brand", "8"),
                new StringMember("Chromium", "120"),
                new StringMember("Google Chrome", "120"))), StructuredFields.stringList(header));
    }

    @Test
    void stringListWhenMembersOfOtherKindsOrWithoutVersionThenSkippedOrVersionNull() {
        assertEquals(Optional.of(List.of(new StringMember("A", null), new StringMember("B", "1.2"))),
                StructuredFields.stringList("\"A\", token, 42, ?1, \"B\";v=1.2;q"));
    }

    @Test
    void stringListWhenEmptyHeaderThenEmptyList() {
        assertEquals(Optional.of(List.of()), StructuredFields.stringList(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"A\",", "\"A\" \"B\"", "\"A\";v=", "\"A\";=1", "(\"A\" \"B\")", "\"A", ",\"A\"",
        "\"A\";v=\"1", "\"A\",,\"B\"", "\"\u00e9\""})
    void stringListWhenMalformedThenEmpty(String header) {
        assertEquals(Optional.empty(), StructuredFields.stringList(header));
    }

    @Test
    void stringListWhenNullThenEmpty() {
        assertEquals(Optional.empty(), StructuredFields.stringList(null));
    }
}
