package dev.sessionkit.security;

import dev.sessionkit.location.GeoPoint;
import dev.sessionkit.location.Location;
import dev.sessionkit.session.SessionRecord;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges a new sign-in against the account's recent ones. Pure: everything it needs is read before, so a sign-in
 * costs at most three indexed reads (recent sign-ins, failure counts and, when located, the active sessions) however
 * many signals there are.
 */
final class RiskEvaluator {

    /** Failures against the account in the window, just before a success, that make it suspicious. */
    static final int MANY_FAILURES = 5;
    /** Distinct countries among an account's active sessions that are suspicious at once. */
    static final int MANY_COUNTRIES = 3;
    /** Closer than this, two locations are one place: city-level GeoIP is that imprecise. */
    static final double SAME_PLACE_KM = 150;
    /** The shortest time a trip is judged over, so two sign-ins a second apart do not divide by nearly zero. */
    static final Duration SHORTEST_TRIP = Duration.ofMinutes(1);

    private final int travelKmPerHour;

    RiskEvaluator(int travelKmPerHour) {
        this.travelKmPerHour = travelKmPerHour;
    }

    /**
     * Returns the signals that fire, each with a short detail for its event.
     *
     * @param history the account's previous sign-ins, newest first
     * @param session the session the sign-in just created
     * @param point where the client is, when known
     * @param newDevice whether the store saw this browser for the account before
     * @param failures the failed attempts just before this success
     * @param activeBefore the account's active sessions before this one
     * @return signal to detail, in signal order
     */
    Map<RiskSignal, String> evaluate(List<SecurityEvent> history, SessionRecord session, Optional<GeoPoint> point,
            boolean newDevice, FailureCounts failures, List<SessionRecord> activeBefore) {
        Map<RiskSignal, String> fired = new EnumMap<>(RiskSignal.class);
        // The first sign-in of an account is new in every way and tells nothing.
        if (!history.isEmpty() && newDevice) {
            fired.put(RiskSignal.NEW_DEVICE, "");
        }
        session.location().map(Location::countryCode).ifPresent(country -> {
            List<String> seen = history.stream().flatMap(e -> e.location().stream()).map(Location::countryCode)
                    .toList();
            if (!seen.isEmpty() && !seen.contains(country)) {
                fired.put(RiskSignal.NEW_COUNTRY, country);
            }
        });
        if (point.isPresent() && !history.isEmpty() && history.get(0).point().isPresent()) {
            SecurityEvent previous = history.get(0);
            double km = point.get().distanceKm(previous.point().get());
            Duration between = Duration.between(previous.at(), session.createdAt());
            double hours = Math.max(between.toMillis(), SHORTEST_TRIP.toMillis()) / 3_600_000.0;
            if (km > SAME_PLACE_KM && km / hours > travelKmPerHour) {
                fired.put(RiskSignal.IMPOSSIBLE_TRAVEL, Math.round(km) + " km in "
                        + Math.max(1, between.toMinutes()) + " min");
            }
        }
        java.util.Set<String> countries = new java.util.TreeSet<>();
        activeBefore.forEach(s -> s.location().ifPresent(l -> countries.add(l.countryCode())));
        session.location().ifPresent(l -> countries.add(l.countryCode()));
        if (countries.size() >= MANY_COUNTRIES) {
            fired.put(RiskSignal.MANY_COUNTRIES, String.join(",", countries));
        }
        if (failures.account() >= MANY_FAILURES) {
            fired.put(RiskSignal.MANY_FAILURES, failures.account() + " failures");
        }
        return fired;
    }
}
