package dev.sessionkit.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.InvalidSettingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The MaxMind adapter against MaxMind's small fake test databases, which are committed, so this always runs. */
class GeoIpLocationResolverTest {

    private GeoIpLocationResolver resolver;

    @BeforeEach
    void open() {
        resolver = GeoIpLocationResolver.open(TestDatabases.city());
    }

    @AfterEach
    void close() {
        resolver.close();
    }

    @Test
    void resolveWhenCityKnownThenCityAndCountryInEnglish() {
        Location location = resolver.resolve("81.2.69.160").orElseThrow();

        assertEquals(new Location(Optional.of("London"), "GB", "United Kingdom"), location);
        assertEquals("London, United Kingdom", location.display());
    }

    @Test
    void resolveWhenCityNameNotAsciiThenKeptAsIs() {
        assertEquals("Linköping, Sweden", resolver.resolve("89.160.20.128").orElseThrow().display());
    }

    @Test
    void resolveWhenIpv6WithCountryOnlyThenCountry() {
        assertEquals(new Location(Optional.empty(), "JP", "Japan"), resolver.resolve("2001:218::1").orElseThrow());
    }

    @Test
    void resolveWhenIpv4MappedIpv6ThenSameAsIpv4() {
        assertEquals(resolver.resolve("81.2.69.160"), resolver.resolve("::ffff:81.2.69.160"));
    }

    @Test
    void resolveWhenRecordHasNoCountryThenEmpty() {
        assertEquals(Optional.empty(), resolver.resolve("2a02:d500::1"));
    }

    @Test
    void resolveWhenAddressNotInDatabaseThenEmpty() {
        assertEquals(Optional.empty(), resolver.resolve("8.8.8.8"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "192.168.0.10", "172.20.1.1", "169.254.0.1", "::1", "fe80::1",
        "fd00::1", "::ffff:10.0.0.1", "not an ip", "example.invalid", "localhost", "81.2.69", "[81.2.69.160]",
        " 81.2.69.160", "81.2.69.160:443", "\u0000", "::::"})
    void resolveWhenNotPublicLiteralThenEmpty(String input) {
        assertEquals(Optional.empty(), resolver.resolve(input));
    }

    @Test
    void resolveWhenEightThreadsAtOnceThenSameAnswersAsOneThread() throws Exception {
        Map<String, Optional<Location>> expected = new LinkedHashMap<>();
        for (String input : List.of("81.2.69.160", "89.160.20.128", "2001:218::1", "175.16.199.1", "8.8.8.8",
                "10.0.0.1", "garbage")) {
            expected.put(input, resolver.resolve(input));
        }

        ConcurrentLookups.assertAllThreadsAgree(resolver, expected);
    }

    @Test
    void resolveWhenClosedThenEmptyWithoutThrowing() {
        resolver.close();
        resolver.close();

        assertEquals(Optional.empty(), resolver.resolve("81.2.69.160"));
        assertTrue(resolver.toString().endsWith(", closed]"), resolver.toString());
    }

    @Test
    void resolveWhenDatabaseDamagedThenEmptyAndLoggedOncePerKind() {
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(GeoIpLocationResolver.class.getName());
        boolean useParentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false); // keep the expected stack trace out of the build output
        logger.addHandler(handler);
        try (GeoIpLocationResolver broken = GeoIpLocationResolver.open(TestDatabases.brokenCity())) {
            for (int i = 0; i < 3; i++) {
                assertEquals(Optional.empty(), broken.resolve("81.2.69.160"));
            }
            assertEquals(Optional.empty(), broken.resolve("89.160.20.128"));
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(useParentHandlers);
        }

        assertEquals(1, warnings.size(), "one WARNING per failure kind");
        LogRecord warning = warnings.get(0);
        assertTrue(warning.getMessage().contains(TestDatabases.brokenCity().toString()), warning.getMessage());
        assertTrue(warning.getMessage().contains("InvalidDatabaseException"), warning.getMessage());
        assertFalse(warning.getMessage().contains("81.2.69.160"), "the address is personal data and never logged");
        assertEquals("com.maxmind.db.InvalidDatabaseException", warning.getThrown().getClass().getName());
    }

    @Test
    void openWhenCountryDatabaseThenInvalidSettingNamingTypeAndFix() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> GeoIpLocationResolver.open(TestDatabases.country()));

        assertEquals("geoip-database", e.key());
        assertTrue(e.getMessage().contains("it is a GeoIP2-Country database, but a city database is needed"),
                e.getMessage());
        assertTrue(e.getMessage().contains(TestDatabases.country().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("GeoLite2-City.mmdb"), e.getMessage());
    }

    @Test
    void toStringWhenOpenThenNamesPathAndDatabaseType() {
        String text = resolver.toString();

        assertTrue(text.contains(TestDatabases.city().toString()), text);
        assertTrue(text.contains("GeoIP2-City built 2016-"), text);
    }
}
