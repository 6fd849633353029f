package dev.sessionkit.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What users see for well-known public addresses, against a real GeoLite2 city database (built 2019-12-24, pinned
 * by package version and SHA-512, so the answers below never drift). See {@link NpmCityDatabase} for how it is
 * fetched and when this class skips or fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealCityDatabaseTest {

    private LocationResolver resolver;

    @BeforeAll
    void openRealDatabase() {
        Path database = NpmCityDatabase.obtain();
        resolver = LocationResolvers.fromSetting(Optional.of(database));
    }

    @AfterAll
    void closeRealDatabase() {
        if (resolver != null) {
            resolver.close();
        }
    }

    @ParameterizedTest(name = "{0} is shown as \"{3}, {2}\"")
    @CsvSource({
        "128.101.101.101,          US, United States, Minneapolis", // University of Minnesota
        "193.99.144.80,            DE, Germany,       Hanover", // heise.de
        "129.132.0.1,              CH, Switzerland,   Zurich", // ETH Zurich
        "2a00:1450:4001:800::200e, DE, Germany,       Frankfurt am Main", // Google, IPv6
        "2001:638:700::1,          DE, Germany,       Bremerhaven", // Alfred Wegener Institute, IPv6
        "::ffff:128.101.101.101,   US, United States, Minneapolis", // IPv4-mapped IPv6
    })
    void resolveWhenWellKnownAddressThenCityAndCountry(String ip, String code, String country, String city) {
        Location location = resolver.resolve(ip).orElseThrow();

        assertEquals(new Location(Optional.of(city), code, country), location);
        assertEquals(city + ", " + country, location.display());
    }

    @ParameterizedTest
    @CsvSource({"8.8.8.8, US, United States", "2001:4860:4860::8888, US, United States", "9.9.9.9, FR, France"})
    void resolveWhenOnlyCountryKnownThenCountryAlone(String ip, String code, String country) {
        Location location = resolver.resolve(ip).orElseThrow();

        assertEquals(new Location(Optional.empty(), code, country), location);
        assertEquals(country, location.display());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "192.168.1.1", "172.16.5.4", "100.64.0.1", "169.254.169.254",
        "::1", "fd00::1", "fe80::1", "0.0.0.0", "192.0.2.1", "2001:db8::1", "garbage", "", "example.invalid",
        "dns.google", "localhost", "8.8.8", "8.8.8.8.8"})
    void resolveWhenNotPublicLiteralThenEmpty(String input) {
        assertEquals(Optional.empty(), resolver.resolve(input));
    }

    @Test
    void resolveWhenNullThenEmpty() {
        assertEquals(Optional.empty(), resolver.resolve(null));
    }

    @Test
    void resolveWhenEightThreadsAtOnceThenSameAnswersAsOneThread() throws Exception {
        Map<String, Optional<Location>> expected = new LinkedHashMap<>();
        for (String input : List.of("128.101.101.101", "193.99.144.80", "129.132.0.1", "8.8.8.8", "9.9.9.9",
                "2a00:1450:4001:800::200e", "2001:4860:4860::8888", "10.0.0.1", "example.invalid", "130.237.0.1")) {
            expected.put(input, resolver.resolve(input));
        }
        assertEquals(8, expected.values().stream().filter(Optional::isPresent).count());

        ConcurrentLookups.assertAllThreadsAgree(resolver, expected);
    }

    @Test
    void toStringWhenRealDatabaseThenNamesGeoLite2City() {
        assertTrue(resolver.toString().contains("GeoLite2-City built 2019-12-24"), resolver.toString());
    }
}
