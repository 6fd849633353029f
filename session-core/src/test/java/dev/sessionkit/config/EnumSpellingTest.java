package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnumSpellingTest {

    @ParameterizedTest
    @CsvSource({"create, CREATE", "VALIDATE, VALIDATE", "None, NONE"})
    void schemaWhenSpelledInAnyCaseThenParsed(String text, SchemaMode expected) {
        assertEquals(expected, SettingExamples.resolve(Map.of("schema", text)).schema());
        assertEquals(expected.name().toLowerCase(java.util.Locale.ROOT), expected.settingValue());
    }

    @ParameterizedTest
    @CsvSource({"evict-oldest, EVICT_OLDEST", "EVICT-OLDEST, EVICT_OLDEST", "evict_oldest, EVICT_OLDEST",
        "Reject, REJECT"})
    void maxSessionsPolicyWhenSpelledInAnyCaseThenParsed(String text, MaxSessionsPolicy expected) {
        assertEquals(expected, SettingExamples.resolve(Map.of("max-sessions-policy", text)).maxSessionsPolicy());
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "5, 5", "' 12 ', 12", "2147483647, 2147483647"})
    void maxSessionsWhenWholeNumberThenParsed(String text, int expected) {
        assertEquals(expected, SettingExamples.resolve(Map.of("max-sessions-per-user", text)).maxSessionsPerUser());
    }
}
