package dev.sessionkit.security;

import static dev.sessionkit.security.MonitoringFixture.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.location.NpmCityDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Impossible travel and new country with the real GeoLite2 database: Hanover (heise.de) and Minneapolis (University
 * of Minnesota) are about 6,900 km apart.
 */
class ImpossibleTravelTest {

    private static final String HANOVER = "193.99.144.80";
    private static final String ZURICH = "129.132.0.1";
    private static final String MINNEAPOLIS = "128.101.101.101";

    @Test
    void signInWhenOtherContinentMinutesLaterThenImpossibleTravelAndNewCountry() {
        Path city = NpmCityDatabase.obtain();
        try (MonitoringFixture f = new MonitoringFixture(b -> b.geoipDatabase(city))) {
            f.signIn("alice", client(HANOVER, "bid-1"));
            f.clock.advance(Duration.ofMinutes(20));
            SignIn far = f.signIn("alice", client(MINNEAPOLIS, "bid-1"));

            assertEquals(Set.of(RiskSignal.IMPOSSIBLE_TRAVEL, RiskSignal.NEW_COUNTRY), far.signals());
            SecurityEvent travel = f.recorded.stream().filter(e -> e.type() == EventType.AUTHN_IMPOSSIBLE_TRAVEL)
                    .findFirst().orElseThrow();
            assertTrue(travel.detail().matches("6\\d{3} km in 20 min"), travel.detail());
            assertEquals("US", travel.location().orElseThrow().countryCode());
            assertEquals(1, f.alerts.size());
        }
    }

    @Test
    void signInWhenSameTripTakesADayThenNewCountryOnly() {
        Path city = NpmCityDatabase.obtain();
        try (MonitoringFixture f = new MonitoringFixture(b -> b.geoipDatabase(city))) {
            f.signIn("alice", client(HANOVER, "bid-1"));
            f.clock.advance(Duration.ofHours(20));
            SignIn far = f.signIn("alice", client(MINNEAPOLIS, "bid-1"));

            assertEquals(Set.of(RiskSignal.NEW_COUNTRY), far.signals());
        }
    }

    @Test
    void signInWhenNeighbourCountryWithinReachThenNewCountryButNoTravel() {
        Path city = NpmCityDatabase.obtain();
        try (MonitoringFixture f = new MonitoringFixture(b -> b.geoipDatabase(city))) {
            f.signIn("alice", client(HANOVER, "bid-1"));
            f.clock.advance(Duration.ofHours(2));
            SignIn zurich = f.signIn("alice", client(ZURICH, "bid-1"));
            f.clock.advance(Duration.ofHours(2));
            SignIn back = f.signIn("alice", client(HANOVER, "bid-1"));

            assertEquals(Set.of(RiskSignal.NEW_COUNTRY), zurich.signals(), "about 600 km in 2 hours is a flight");
            assertEquals(Set.of(), back.signals(), "Germany is among the recent countries");
        }
    }
}
