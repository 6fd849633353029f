package dev.sessionkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sessionkit.config.DurationParser;
import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.IpRange;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.config.SettingKey;
import dev.sessionkit.config.SettingsResolver;
import dev.sessionkit.net.IpLiterals;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Fuzzes everything that reads configuration text: {@link DurationParser}, {@link IpRange}, {@link IpLiterals} and
 * whole core settings resolution ({@link SettingsResolver} over a map source, which builds
 * {@link SessionkitSettings}); session-servlet's WebSettingsFuzzTest does the same for the web settings.
 * The contract under test ({@link SettingsResolutionCheck}): any text for any key gives valid settings or an
 * {@link InvalidSettingException} naming the key, in one log-safe line that never shows the password; nothing else
 * is ever thrown; and every accepted value reads back unchanged from its own text form.
 *
 * <p>Regression inputs: {@code src/test/resources/dev/sessionkit/fuzz/SettingsFuzzTestInputs/<method>/}. For
 * {@link #resolveSettings} each line of an input is one {@code key=value} entry, as in a properties file.
 */
class SettingsFuzzTest {

    /** Longest accepted duration (SettingChecks.MAX_DURATION): 100 years. */
    private static final Duration MAX_DURATION = Duration.ofDays(36_500);

    @FuzzTest
    void durationParser(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Duration duration;
        try {
            duration = DurationParser.parse("some-timeout", text);
        } catch (InvalidSettingException e) {
            assertEquals("some-timeout", e.key());
            assertTrue(e.getMessage().startsWith("some-timeout: "), e.getMessage());
            SettingsResolutionCheck.assertLogSafe(e.getMessage());
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
        new SettingsResolutionCheck<SessionkitSettings>(SettingKey.ALL, SettingsResolver::resolve,
                SettingsFuzzTest::assertValid, SessionkitSettings::get).check(data.consumeRemainingAsString());
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
}
