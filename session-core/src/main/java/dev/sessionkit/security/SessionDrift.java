package dev.sessionkit.security;

import dev.sessionkit.device.DeviceDetector;
import dev.sessionkit.device.DeviceInfo;
import dev.sessionkit.location.Location;
import dev.sessionkit.location.LocationResolver;
import dev.sessionkit.service.SessionService;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The drift check: a live session whose requests come from another country, or from another browser family, than
 * the one it signed in with is likely a copied cookie. Run only when a request records activity (once per
 * {@code touch-interval} per session), recorded at most once per session and kind, acted on by the policy for
 * {@link RiskSignal#DRIFT}. Thread-safe.
 */
public final class SessionDrift {

    private final SecurityEventLog log;
    private final EventFactory events;
    private final SessionService service;
    private final DeviceDetector devices;
    private final LocationResolver locations;
    private final RiskPolicy policy;

    /**
     * A check on a log.
     *
     * @param log records drift
     * @param events builds the events
     * @param service ends sessions when the policy says so
     * @param devices names the request's browser
     * @param locations places the request's address
     * @param policy the action for {@link RiskSignal#DRIFT}
     */
    public SessionDrift(SecurityEventLog log, EventFactory events, SessionService service, DeviceDetector devices,
            LocationResolver locations, RiskPolicy policy) {
        this.log = Objects.requireNonNull(log, "log");
        this.events = Objects.requireNonNull(events, "events");
        this.service = Objects.requireNonNull(service, "service");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.locations = Objects.requireNonNull(locations, "locations");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Compares a request with the session it belongs to.
     *
     * @param session the valid session
     * @param client the request's client
     * @return the event when drift was seen for the first time for this session and kind
     */
    public Optional<SecurityEvent> check(SessionRecord session, ClientInfo client) {
        Optional<String> kind = Optional.empty();
        Optional<Location> now = locations.resolve(client.ipAddress());
        if (session.location().isPresent() && now.isPresent()
                && !session.location().get().countryCode().equals(now.get().countryCode())) {
            kind = Optional.of("country " + session.location().get().countryCode() + " to " + now.get().countryCode());
        } else {
            String before = family(session.device());
            String after = family(devices.detect(client.userAgent()));
            if (!before.isEmpty() && !after.isEmpty() && !before.equals(after)) {
                kind = Optional.of("browser " + before + " to " + after);
            }
        }
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        String what = kind.get().startsWith("country") ? "country" : "browser";
        EventAction action = policy.actionFor(RiskSignal.DRIFT);
        SecurityEvent event = new SecurityEvent(EventId.derived("risk_session_drift:" + what + ":" + session.id()),
                events.now(), EventType.RISK_SESSION_DRIFT, EventOutcome.SUCCESS, Optional.of(session.userId()),
                Optional.of(session.id()), client.ipAddress(), EventFactory.summary(devices.detect(client.userAgent())),
                now, Optional.empty(), Set.of(RiskSignal.DRIFT), action, kind.get());
        if (!log.recordOnce(event)) {
            return Optional.empty();
        }
        switch (action) {
            case END_SESSION -> service.end(session.id(), EndReason.SECURITY_POLICY);
            case END_ALL_SESSIONS -> service.endAllOfUser(session.userId(), EndReason.SECURITY_POLICY);
            default -> {
                // Recorded, and told to the listeners when notifying.
            }
        }
        return Optional.of(event);
    }

    /** The browser's name without its version: "Firefox 128" is "firefox"; unknown is empty. */
    static String family(DeviceInfo device) {
        if (device.browser().equals(DeviceInfo.UNKNOWN)) {
            return "";
        }
        return device.browser().replaceAll("[\\s\\d.]+$", "").strip().toLowerCase(Locale.ROOT);
    }
}
