package dev.sessionkit.store.jpa;

import static dev.sessionkit.store.jpa.SessionRows.utc;

import dev.sessionkit.location.GeoPoint;
import dev.sessionkit.location.Location;
import dev.sessionkit.security.EventAction;
import dev.sessionkit.security.EventId;
import dev.sessionkit.security.EventOutcome;
import dev.sessionkit.security.EventType;
import dev.sessionkit.security.RiskSignal;
import dev.sessionkit.security.SecurityEvent;
import dev.sessionkit.session.SessionId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Maps security event rows to events and back; the only place that knows both shapes. */
final class SecurityEventRows {

    private SecurityEventRows() {
    }

    static SecurityEventEntity toEntity(SecurityEvent event) {
        SecurityEventEntity e = new SecurityEventEntity();
        e.id = event.id().value();
        e.occurredAt = utc(event.at());
        e.eventType = event.type().wireName();
        e.outcome = event.outcome().wireName();
        e.userId = event.userId().orElse(null);
        e.sessionId = event.sessionId().map(SessionId::value).orElse(null);
        e.ipAddress = event.ipAddress();
        e.device = event.device();
        e.locationCity = event.location().flatMap(Location::city).orElse(null);
        e.locationCountryCode = event.location().map(Location::countryCode).orElse(null);
        e.locationCountryName = event.location().map(Location::countryName).orElse(null);
        e.latitude = event.point().map(GeoPoint::latitude).orElse(null);
        e.longitude = event.point().map(GeoPoint::longitude).orElse(null);
        e.signals = event.signals().stream().map(RiskSignal::wireName).collect(Collectors.joining(","));
        e.action = event.action().wireName();
        e.detail = event.detail();
        return e;
    }

    static SecurityEvent toEvent(SecurityEventEntity e) {
        Optional<Location> location = Optional.ofNullable(e.locationCountryCode)
                .map(code -> new Location(Optional.ofNullable(e.locationCity), code,
                        e.locationCountryName == null ? code : e.locationCountryName));
        Optional<GeoPoint> point = e.latitude == null || e.longitude == null ? Optional.empty()
                : Optional.of(new GeoPoint(e.latitude, e.longitude));
        return new SecurityEvent(new EventId(e.id), SessionRows.instant(e.occurredAt),
                EventType.fromWireName(e.eventType).orElseThrow(() -> unknown("event type", e)),
                EventOutcome.fromWireName(e.outcome).orElseThrow(() -> unknown("outcome", e)),
                Optional.ofNullable(e.userId), Optional.ofNullable(e.sessionId).map(SessionId::new), e.ipAddress,
                e.device, location, point, signals(e), EventAction.fromWireName(e.action)
                        .orElseThrow(() -> unknown("action", e)), e.detail);
    }

    private static Set<RiskSignal> signals(SecurityEventEntity e) {
        if (e.signals.isEmpty()) {
            return Set.of();
        }
        Set<RiskSignal> signals = EnumSet.noneOf(RiskSignal.class);
        Arrays.stream(e.signals.split(",")).map(name -> RiskSignal.fromWireName(name)
                .orElseThrow(() -> unknown("signal", e))).forEach(signals::add);
        return signals;
    }

    private static IllegalStateException unknown(String what, SecurityEventEntity e) {
        // Only a newer Sessionkit writing to the same table can cause this; name the row so it can be found.
        return new IllegalStateException("unknown " + what + " in security event row " + e.id);
    }
}
