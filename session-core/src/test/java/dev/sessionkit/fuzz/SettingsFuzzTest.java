package dev.sessionkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sessionkit.config.DurationParser;
import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.IpRange;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.config.SettingKey;
import dev.sessionkit.config.SettingSource;
import dev.sessionkit.config.SettingsResolver;
import dev.sessionkit.net.IpLiterals;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzzes everything that reads configuration text: {@link DurationParser}, {@link IpRange}, {@link IpLiterals} and
 * whole core settings resolution ({@link SettingsResolver} over a map source, which builds
 * {@link SessionkitSettings}); session-servlet's WebSettingsFuzzTest does the same for the web settings.
 * The contract under test: any text for any key gives valid settings or an {@link InvalidSettingException} naming
 * the key, in one log-safe line that never shows the password; nothing else is ever thrown; and every accepted
 * value reads back unchanged from its own text form.
 *
 * <p>Regression inputs: {@code src/test/resources/dev/sessionkit/fuzz/SettingsFuzzTestInputs/<method>/}. For
 * {@link #resolveSettings} each line of an input is one {@code key=value} entry, as in a properties file.
 */
class SettingsFuzzTest {

    /** Longest accepted duration (SettingsValidator.MAX_DURATION): 100 years. */
    private static final Duration MAX_DURATION = Duration.ofDays(36_500);

    /** Set as jdbc-password when the input sets none; it must never show up in a message or toString(). */
    private static final String SECRET = "Fz-7kQ2-secret-9wX";

    @FuzzTest
    void durationParser(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Duration duration;
        try {
            duration = DurationParser.parse("some-timeout", text);
        } catch (InvalidSettingException e) {
            assertEquals("some-timeout", e.key());
            assertTrue(e.getMessage().startsWith("some-timeout: "), e.getMessage());
            assertLogSafe(e.getMessage());
            return;
        }
        assertNotNull(duration);
        assertFalse(duration.isNegative(), "a negative duration is refused: " + duration);
        String value = text.strip();
        char first = value.charAt(0);
        assertTrue(first == 'P' || first == 'p' || first == '+' || first == '-' || (first >= '0' && first <= '9'),
                "only ISO-8601 or <digits><unit> is accepted: " + value);
        // The text form a settings dump shows (Duration.toString) reads back to the same duration.
        assertEquals(duration, DurationParser.parse("some-timeout", duration.toString()));
        // Surrounding blanks never matter.
        assertEquals(duration, DurationParser.parse("some-timeout", " \t" + text + " \r\n"));
    }

    @FuzzTest
    void ipRange(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        IpRange range;
        try {
            range = IpRange.parse(text);
        } catch (IllegalArgumentException e) {
            assertNotNull(e.getMessage());
            return;
        }
        String canonical = range.toString();
        assertEquals(range, IpRange.parse(canonical), "the canonical text reads back: " + canonical);
        assertEquals(canonical, IpRange.parse(canonical).toString(), "the canonical text is a fixed point");
        assertTrue(range.prefixLength() >= 0 && range.prefixLength() <= (range.isIpv4() ? 32 : 128), canonical);
        InetAddress network = IpLiterals.parse(canonical.substring(0, canonical.indexOf('/'))).orElseThrow();
        assertEquals(range.isIpv4(), network instanceof Inet4Address, canonical);
        assertTrue(range.contains(network), "a range contains its own network address: " + canonical);
        // The address written (before any '/') lies in the range it denotes.
        String value = text.strip();
        int slash = value.indexOf('/');
        InetAddress written = IpLiterals.parse(slash < 0 ? value : value.substring(0, slash)).orElseThrow();
        assertTrue(range.contains(written), value + " not in " + canonical);
    }

    @FuzzTest
    void ipLiterals(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Optional<InetAddress> parsed = IpLiterals.parse(text);
        if (parsed.isEmpty()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> IpLiterals.parseOrThrow(text), "parse and parseOrThrow agree");
            // The message says what is wrong without repeating the text, so its length does not grow with it.
            assertTrue(e.getMessage().length() <= 120, e.getMessage());
            return;
        }
        InetAddress address = parsed.get();
        assertEquals(address, IpLiterals.parseOrThrow(text), "parse and parseOrThrow agree");
        String literal = IpLiterals.format(address);
        assertTrue(literal.length() <= 45 && literal.chars().allMatch(c -> c == '.' || c == ':'
                || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')), "canonical literal: " + literal);
        // The host name is the literal itself, so getHostName() can never trigger a reverse lookup.
        assertEquals(literal, address.getHostName());
        assertEquals(Optional.of(address), IpLiterals.parse(literal), "format then parse gives the address");
        assertEquals(literal, IpLiterals.format(IpLiterals.parse(literal).orElseThrow()), "a fixed point");
        if (literal.equalsIgnoreCase(text)) {
            return;
        }
        // A non-canonical spelling is an IPv6 one (IPv4 has exactly one accepted spelling).
        assertTrue(text.indexOf(':') >= 0, "IPv4 has one spelling, but " + text + " reads as " + literal);
    }

    @FuzzTest
    void resolveSettings(FuzzedDataProvider data) {
        Map<String, String> entries = entries(data.consumeRemainingAsString());
        boolean secretInjected = !entries.containsKey(SettingKey.JDBC_PASSWORD.key());
        if (secretInjected) {
            entries.put(SettingKey.JDBC_PASSWORD.key(), SECRET);
        }
        boolean secretElsewhere = entries.entrySet().stream().anyMatch(e -> e.getKey().contains(SECRET)
                || (!e.getKey().equals(SettingKey.JDBC_PASSWORD.key()) && e.getValue().contains(SECRET)));
        boolean checkSecret = secretInjected && !secretElsewhere;

        SessionkitSettings settings;
        try {
            settings = SettingsResolver.resolve(List.of(SettingSource.of("fuzz", entries)));
        } catch (InvalidSettingException e) {
            assertInvalidSettingNamesKey(e, entries);
            assertLogSafe(e.getMessage());
            if (checkSecret) {
                assertFalse(e.getMessage().contains(SECRET), "the password leaked: " + e.getMessage());
            }
            assertSameOutcomeFromEnvironment(entries, null, e);
            return;
        }
        assertValid(settings);
        if (checkSecret) {
            assertFalse(settings.toString().contains(SECRET), "the password leaked: " + settings);
        }
        assertSameOutcomeFromEnvironment(entries, settings, null);
        // Every accepted value has a text form that reads back to the same settings. One exception: a GeoIP path
        // whose last segment ends in blanks ("/ /" is the path "/ ") has none, since blanks around values are
        // ignored.
        Map<String, String> text = asText(settings);
        if (!text.getOrDefault("geoip-database", "").equals(text.getOrDefault("geoip-database", "").strip())) {
            return;
        }
        assertEquals(settings, SettingsResolver.resolve(List.of(SettingSource.of("round trip", text))),
                "settings -> text -> settings, text was " + text);
    }

    /**
     * The key an error names must be one the input set, or a default the input broke through a rule between two
     * settings (idle-timeout vs touch-interval), which the message then names.
     */
    private static void assertInvalidSettingNamesKey(InvalidSettingException e, Map<String, String> entries) {
        String message = e.getMessage();
        assertNotNull(e.key(), message);
        if (entries.containsKey(e.key())) {
            if (e.key().matches("[A-Za-z0-9._-]{1,64}")) {
                assertTrue(message.contains(e.key()), "the message names the key " + e.key() + ": " + message);
            }
            return;
        }
        assertTrue(SettingKey.fromKey(e.key()).isPresent(), "names a setting or an input key: " + e.key());
        assertTrue(entries.keySet().stream().anyMatch(key -> SettingKey.fromKey(key).isPresent()
                        && message.contains(key)),
                "a default failed, so the message must name the input key that broke it: " + message);
    }

    /** The same values from SESSIONKIT_* variables give the same settings, or fail on the same key. */
    private static void assertSameOutcomeFromEnvironment(Map<String, String> entries, SessionkitSettings settings,
            InvalidSettingException error) {
        if (entries.keySet().stream().anyMatch(key -> SettingKey.fromKey(key).isEmpty())) {
            return; // unknown keys have no environment spelling
        }
        Map<String, String> environment = new HashMap<>();
        entries.forEach((key, value) -> environment.put(SettingKey.fromKey(key).orElseThrow().envName(), value));
        SettingSource source = SettingSource.environment(environment);
        if (settings != null) {
            assertEquals(settings, SettingsResolver.resolve(List.of(source)));
        } else {
            InvalidSettingException fromEnvironment = assertThrows(InvalidSettingException.class,
                    () -> SettingsResolver.resolve(List.of(source)));
            assertEquals(error.key(), fromEnvironment.key());
        }
    }

    /** The documented ranges and rules that valid settings always satisfy. */
    private static void assertValid(SessionkitSettings s) {
        assertTrue(s.jdbcUrl().regionMatches(true, 0, "jdbc:", 0, 5), s.jdbcUrl());
        s.datasource().ifPresent(name -> assertFalse(name.isBlank()));
        assertPositive(s.idleTimeout());
        assertPositive(s.absoluteTimeout());
        assertPositive(s.cleanupInterval());
        assertNotNegative(s.touchInterval());
        assertNotNegative(s.historyRetention());
        assertNotNegative(s.revocationLatency());
        assertTrue(s.touchInterval().compareTo(s.idleTimeout()) < 0, "touch-interval < idle-timeout");
        assertTrue(s.maxSessionsPerUser() >= 0);
    }

    private static void assertPositive(Duration d) {
        assertTrue(!d.isZero() && !d.isNegative() && d.compareTo(MAX_DURATION) <= 0, d.toString());
    }

    private static void assertNotNegative(Duration d) {
        assertTrue(!d.isNegative() && d.compareTo(MAX_DURATION) <= 0, d.toString());
    }

    /** One line without control, bidi-format or lone surrogate characters: safe to log as it is. */
    private static void assertLogSafe(String message) {
        assertNotNull(message);
        assertTrue(message.codePoints().noneMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR), "not one clean line: " + message);
    }

    /** Settings written back as setting text by key, the way an operator would copy them into a file. */
    private static Map<String, String> asText(SessionkitSettings s) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("jdbc-url", s.jdbcUrl());
        text.put("jdbc-user", s.jdbcUser());
        text.put("jdbc-password", s.jdbcPassword());
        s.datasource().ifPresent(v -> text.put("datasource", v));
        text.put("schema", s.schema().settingValue());
        text.put("idle-timeout", s.idleTimeout().toString());
        text.put("absolute-timeout", s.absoluteTimeout().toString());
        text.put("max-sessions-per-user", Integer.toString(s.maxSessionsPerUser()));
        text.put("max-sessions-policy", s.maxSessionsPolicy().settingValue());
        text.put("touch-interval", s.touchInterval().toString());
        text.put("cleanup-interval", s.cleanupInterval().toString());
        text.put("history-retention", s.historyRetention().toString());
        text.put("revocation-latency", s.revocationLatency().toString());
        s.geoipDatabase().ifPresent(v -> text.put("geoip-database", v.toString()));
        if (text.size() != SettingKey.ALL.settings().size() - (s.datasource().isEmpty() ? 1 : 0)
                - (s.geoipDatabase().isEmpty() ? 1 : 0)) {
            fail("asText() misses a setting; update it when adding one");
        }
        return text;
    }

    /** Parses {@code key=value} lines (split at the first '='; a line without one is a key with empty value). */
    private static Map<String, String> entries(String input) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : input.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            entries.put(equals < 0 ? line : line.substring(0, equals), equals < 0 ? "" : line.substring(equals + 1));
        }
        return entries;
    }
}
