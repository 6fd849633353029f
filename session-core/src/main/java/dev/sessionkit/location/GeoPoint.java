package dev.sessionkit.location;

/**
 * A point on the earth from a location database: used to judge how far apart two sign-ins were, never shown.
 *
 * @param latitude degrees north, -90 to 90
 * @param longitude degrees east, -180 to 180
 */
public record GeoPoint(double latitude, double longitude) {

    /** The mean earth radius in kilometres (IUGG), the usual sphere for great-circle distances. */
    private static final double EARTH_RADIUS_KM = 6_371.0088;

    /**
     * Checks the ranges.
     *
     * @param latitude see the record description
     * @param longitude see the record description
     * @throws IllegalArgumentException when either is out of range or not a number
     */
    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("latitude must be -90 to 90 and longitude -180 to 180");
        }
    }

    /**
     * Returns the great-circle distance to another point (haversine formula).
     *
     * @param other the other point
     * @return kilometres along the earth's surface
     */
    public double distanceKm(GeoPoint other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude - longitude);
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
