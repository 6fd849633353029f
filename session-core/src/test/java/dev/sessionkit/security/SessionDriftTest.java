package dev.sessionkit.security;

import static dev.sessionkit.security.MonitoringFixture.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.MonitoringSettingKeys;
import dev.sessionkit.device.UserAgentData;
import dev.sessionkit.location.NpmCityDatabase;
import dev.sessionkit.service.ValidationResult;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.SessionRecord;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Drift of a live session, and many countries at once, with the real GeoLite2 database. */
class SessionDriftTest {

    private static final String HANOVER = "193.99.144.80";
    private static final String ZURICH = "129.132.0.1";
    private static final String MINNEAPOLIS = "128.101.101.101";
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like"
            + " Gecko) Chrome/131.0.0.0 Safari/537.36";

    @Test
    void checkWhenCountrySwitchesThenOneDriftEventPerSession() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b.geoipDatabase(NpmCityDatabase.obtain()))) {
            SessionRecord session = f.signIn("alice", client(HANOVER, "bid-1")).issued().session();
            SessionDrift drift = f.sessionkit.security().drift();

            assertEquals(Optional.empty(), drift.check(session, client(HANOVER, "bid-1")), "same place, same browser");
            SecurityEvent moved = drift.check(session, client(MINNEAPOLIS, "bid-1")).orElseThrow();
            assertEquals(Optional.empty(), drift.check(session, client(MINNEAPOLIS, "bid-1")), "recorded once");

            assertEquals(EventType.RISK_SESSION_DRIFT, moved.type());
            assertEquals("country DE to US", moved.detail());
            assertEquals(EventAction.NOTIFY, moved.action());
            assertTrue(f.alerts.contains(moved));
            assertTrue(f.sessionkit.store().findById(session.id()).orElseThrow().isActive());
        }
    }

    @Test
    void checkWhenBrowserFamilySwitchesAndPolicyEndsThenSessionEnds() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b.set(MonitoringSettingKeys.RISK_ACTIONS,
                RiskPolicy.DEFAULT.with(RiskSignal.DRIFT, EventAction.END_SESSION)))) {
            SessionRecord session = f.signIn("alice", client("192.0.2.1", "bid-1")).issued().session();
            ClientInfo chrome = new ClientInfo("192.0.2.1", UserAgentData.of(CHROME), Optional.of("bid-1"));

            SecurityEvent switched = f.sessionkit.security().drift().check(session, chrome).orElseThrow();

            assertEquals("browser firefox to chrome", switched.detail());
            assertFalse(f.sessionkit.store().findById(session.id()).orElseThrow().isActive());
        }
    }

    @Test
    void validateWhenTouchDueThenTouchedElseNot() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            String token = f.signIn("alice", client("192.0.2.1", "bid-1")).issued().token().reveal();

            ValidationResult.Valid soon = (ValidationResult.Valid) f.sessionkit.service().validate(token);
            f.clock.advance(Duration.ofMinutes(2));
            ValidationResult.Valid later = (ValidationResult.Valid) f.sessionkit.service().validate(token);

            assertFalse(soon.touched(), "within the touch interval nothing is recorded, nothing checked");
            assertTrue(later.touched());
        }
    }

    @Test
    void signInWhenActiveInThreeCountriesThenManyCountries() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b.geoipDatabase(NpmCityDatabase.obtain())
                .idleTimeout(Duration.ofDays(1)).absoluteTimeout(Duration.ofDays(2)))) {
            f.signIn("alice", client(HANOVER, "bid-1"));
            f.clock.advance(Duration.ofHours(5));
            SignIn second = f.signIn("alice", client(ZURICH, "bid-1"));
            f.clock.advance(Duration.ofHours(15));
            SignIn third = f.signIn("alice", client(MINNEAPOLIS, "bid-1"));

            assertFalse(second.signals().contains(RiskSignal.MANY_COUNTRIES));
            assertEquals(Set.of(RiskSignal.NEW_COUNTRY, RiskSignal.MANY_COUNTRIES), third.signals());
        }
    }
}
