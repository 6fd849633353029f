package dev.sessionkit.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocationTest {

    @Test
    void displayWhenCityKnownThenCityCommaCountry() {
        assertEquals("Berlin, Germany", new Location(Optional.of("Berlin"), "DE", "Germany").display());
    }

    @Test
    void displayWhenCityUnknownThenCountryOnly() {
        assertEquals("Germany", new Location(Optional.empty(), "DE", "Germany").display());
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "De", "DEU", "D", "", "D1", "ÄB", " D"})
    void constructorWhenCountryCodeNotTwoUpperCaseLettersThenRejects(String code) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Location(Optional.empty(), code, "Germany"));
        assertEquals("countryCode must be an ISO 3166-1 alpha-2 code of two upper-case letters, such as DE, but was '"
                + code + "'", e.getMessage());
    }

    @Test
    void constructorWhenBlankNamesThenRejects() {
        assertThrows(IllegalArgumentException.class, () -> new Location(Optional.empty(), "DE", " "));
        assertThrows(IllegalArgumentException.class, () -> new Location(Optional.of(""), "DE", "Germany"));
    }

    @Test
    void constructorWhenAnyComponentNullThenNamesIt() {
        assertEquals("city", assertThrows(NullPointerException.class,
                () -> new Location(null, "DE", "Germany")).getMessage());
        assertEquals("countryCode", assertThrows(NullPointerException.class,
                () -> new Location(Optional.empty(), null, "Germany")).getMessage());
        assertEquals("countryName", assertThrows(NullPointerException.class,
                () -> new Location(Optional.empty(), "DE", null)).getMessage());
    }

    @Test
    void constructorWhenNamesCarryMarkupThenSafeText() {
        Location location = new Location(Optional.of("<script>alert(1)</script>\u202E"), "DE",
                "Ger\"many\" onload=\"x`");
        assertEquals(Optional.of("scriptalert(1)/script"), location.city());
        assertEquals("Germany onloadx", location.countryName());
        assertEquals("scriptalert(1)/script, Germany onloadx", location.display());
    }

    @Test
    void constructorWhenNamesHaveNothingAllowedThenCityEmptyAndCountryByCode() {
        Location location = new Location(Optional.of("<>\"\u200B"), "FR", "\u202E`&");
        assertEquals(Optional.empty(), location.city());
        assertEquals("FR", location.countryName());
    }

    @Test
    void constructorWhenTenKilobyteNamesThenCutTo64() {
        Location location = new Location(Optional.of("a".repeat(10_240)), "DE", "b".repeat(10_240));
        assertEquals("a".repeat(64), location.city().orElseThrow());
        assertEquals("b".repeat(64), location.countryName());
    }
}
