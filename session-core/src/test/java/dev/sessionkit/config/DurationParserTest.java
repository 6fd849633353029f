package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource(delimiter = '=', value = {
        "PT30M = 1800000",
        "P30D = 2592000000",
        "PT0S = 0",
        "pt30m = 1800000",
        "P1DT2H = 93600000",
        "PT0.5S = 500",
        "PT60S = 60000",
        "+PT1S = 1000",
        "500ms = 500",
        "30s = 30000",
        "30m = 1800000",
        "24h = 86400000",
        "30d = 2592000000",
        "0s = 0",
        "0ms = 0",
        "007m = 420000",
    })
    void parseWhenIsoOrShortThenDuration(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), DurationParser.parse("idle-timeout", text));
    }

    @Test
    void parseWhenSurroundedByBlanksThenIgnored() {
        assertEquals(Duration.ofMinutes(30), DurationParser.parse("k", " \t30m\n"));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "30", "-5m", "PT-1S", "-PT5M", "1y", "30 m", "30M", "30S", "1.5h", "m",
        "30mm", "30min", "P", "PT", "P1M", "P1Y", "thirty minutes", "PT30M ago", "ms", "5 ", "+5m", "3O m",
        "99999999999999999999d", "106751991167301d", "PT99999999999999999999H", "\u0663\u0660m", "\uff13\uff10m",
        "30m\u0000", "5h30m"})
    void parseWhenMalformedOrNegativeThenInvalidSettingNamingKeyValueAndBothForms(String text) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> DurationParser.parse("idle-timeout", text));
        assertEquals("idle-timeout", e.key());
        assertTrue(e.getMessage().startsWith("idle-timeout: "), e.getMessage());
        assertTrue(e.getMessage().contains("PT30M") && e.getMessage().contains("30m"), e.getMessage());
        if (!text.isBlank()) {
            assertTrue(e.getMessage().contains(Texts.quote(text.strip())), e.getMessage());
        }
    }

    @ParameterizedTest
    @NullSource
    void parseWhenNullTextThenInvalidSetting(String text) {
        assertEquals("k", assertThrows(InvalidSettingException.class, () -> DurationParser.parse("k", text)).key());
    }

    @Test
    void parseWhenIsoFailsThenCauseChained() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> DurationParser.parse("k", "PTxS"));
        assertTrue(e.getCause() instanceof DateTimeParseException);
    }

    @Test
    void parseWhenShortNumberOverflowsThenCauseChained() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> DurationParser.parse("k", "106751991167301d"));
        assertTrue(e.getCause() instanceof ArithmeticException, String.valueOf(e.getCause()));
    }

    @Test
    void parseWhenNegativeThenMessageSaysNegative() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> DurationParser.parse("k", "-PT5M"));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
        assertNull(e.getCause());
    }

    @Test
    void parseWhenUnitUnknownThenMessageHasNoCause() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> DurationParser.parse("k", "1y"));
        assertNull(e.getCause());
        assertFalse(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void parseWhenKeyNullThenNullPointerException() {
        assertThrows(NullPointerException.class, () -> DurationParser.parse(null, "5m"));
    }
}
