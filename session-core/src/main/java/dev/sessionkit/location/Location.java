package dev.sessionkit.location;

import dev.sessionkit.device.DisplayText;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an IP address is, as a user would name it: always a country, sometimes a city.
 *
 * <p>Names are safe text by construction: the constructor reduces the city and country names to
 * {@link DisplayText}'s allowed characters and cuts each to {@value #MAX_NAME_LENGTH} characters, so a damaged or
 * hostile location database cannot put markup into a page. A city with nothing allowed left becomes empty; such a
 * country name becomes the country code. Immutable and therefore thread-safe; no component is ever null.
 *
 * @param city the city's English name when the database knows it, otherwise empty; never null
 * @param countryCode the ISO 3166-1 alpha-2 code of the country, two upper-case letters such as {@code DE}
 * @param countryName the country's English name, such as {@code Germany}; never blank
 */
public record Location(Optional<String> city, String countryCode, String countryName) {

    /** The longest city or country name kept, in UTF-16 characters. */
    public static final int MAX_NAME_LENGTH = 64;

    /**
     * Validates every component and makes the names safe text, so that a {@code Location} can always be shown.
     *
     * @param city the city's English name, or empty
     * @param countryCode the ISO 3166-1 alpha-2 code, two upper-case letters
     * @param countryName the country's English name
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if {@code countryCode} is not two upper-case ASCII letters, or the country
     *     name or a present city name is blank
     */
    public Location {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(countryName, "countryName");
        if (!isAlpha2(countryCode)) {
            throw new IllegalArgumentException(
                    "countryCode must be an ISO 3166-1 alpha-2 code of two upper-case letters, such as DE, but was '"
                            + countryCode + "'");
        }
        if (countryName.isBlank()) {
            throw new IllegalArgumentException("countryName must not be blank");
        }
        if (city.isPresent() && city.get().isBlank()) {
            throw new IllegalArgumentException("city must be empty rather than blank");
        }
        city = city.map(name -> DisplayText.clean(name, MAX_NAME_LENGTH, "")).filter(name -> !name.isEmpty());
        countryName = DisplayText.clean(countryName, MAX_NAME_LENGTH, countryCode);
    }

    /**
     * Returns the text a user sees: {@code "Berlin, Germany"} when the city is known, otherwise {@code "Germany"}.
     *
     * @return the display text, never null or blank
     */
    public String display() {
        return city.map(name -> name + ", " + countryName).orElse(countryName);
    }

    private static boolean isAlpha2(String code) {
        return code.length() == 2 && isUpperAscii(code.charAt(0)) && isUpperAscii(code.charAt(1));
    }

    private static boolean isUpperAscii(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
