package dev.sessionkit.jaxrs.json;

import dev.sessionkit.location.Location;

/**
 * Where a session's address was located at login.
 *
 * @param city the city, or null when only the country is known
 * @param countryCode ISO 3166-1 alpha-2 code
 * @param country the country's English name
 * @param display "City, Country" or "Country", ready to show
 */
public record LocationJson(String city, String countryCode, String country, String display) {

    /**
     * Shapes a location for the API.
     *
     * @param location the location
     * @return the JSON shape
     */
    public static LocationJson of(Location location) {
        return new LocationJson(location.city().orElse(null), location.countryCode(), location.countryName(),
                location.display());
    }
}
