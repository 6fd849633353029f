package dev.sessionkit.security;

import dev.sessionkit.device.DeviceDetector;
import dev.sessionkit.device.DeviceInfo;
import dev.sessionkit.location.GeoPoint;
import dev.sessionkit.location.LocationResolver;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.SessionRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Builds events with fresh ids and the clock's time, describing the client the way sessions do. Thread-safe. */
public final class EventFactory {

    private final SecureRandom random;
    private final Clock clock;
    private final DeviceDetector devices;
    private final LocationResolver locations;

    /**
     * A factory.
     *
     * @param random for event ids
     * @param clock for event times
     * @param devices names the client's device
     * @param locations places the client's address
     */
    public EventFactory(SecureRandom random, Clock clock, DeviceDetector devices, LocationResolver locations) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.locations = Objects.requireNonNull(locations, "locations");
    }

    /** {@return now at microsecond precision, which every database keeps} */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * An event about a session, described by the session's own client details.
     *
     * @param type what happened
     * @param outcome whether it succeeded
     * @param session the session
     * @param signals the signals that fired
     * @param action what was done
     * @param detail the qualifier, or empty
     * @param point the coordinates of the client, when known
     * @return the event
     */
    public SecurityEvent aboutSession(EventType type, EventOutcome outcome, SessionRecord session,
            Set<RiskSignal> signals, EventAction action, String detail, Optional<GeoPoint> point) {
        return new SecurityEvent(EventId.random(random), now(), type, outcome, Optional.of(session.userId()),
                Optional.of(session.id()), session.ipAddress(), summary(session.device()), session.location(), point,
                signals, action, detail);
    }

    /**
     * An event about a request with no session, e.g. a failed sign-in.
     *
     * @param type what happened
     * @param outcome whether it succeeded
     * @param userId the account, when known to exist
     * @param client the request's client
     * @param action what was done
     * @param detail the qualifier, or empty
     * @return the event
     */
    public SecurityEvent aboutClient(EventType type, EventOutcome outcome, Optional<String> userId,
            ClientInfo client, EventAction action, String detail) {
        return new SecurityEvent(EventId.random(random), now(), type, outcome, userId, Optional.empty(),
                client.ipAddress(), summary(devices.detect(client.userAgent())),
                locations.resolve(client.ipAddress()), Optional.empty(), Set.of(), action, detail);
    }

    /**
     * Returns the coordinates of an address.
     *
     * @param ipAddress the address
     * @return the point, when the location database has one
     */
    public Optional<GeoPoint> point(String ipAddress) {
        return locations.point(ipAddress);
    }

    /**
     * Tells whether the location database places an address at all.
     *
     * @param ipAddress the address
     * @return true when a country is known for it
     */
    public boolean located(String ipAddress) {
        return locations.resolve(ipAddress).isPresent();
    }

    /**
     * Summarises a device for events and the device list.
     *
     * @param device the detected device
     * @return e.g. "Firefox on Windows"; empty when nothing is known
     */
    public static String summary(DeviceInfo device) {
        boolean browserKnown = !device.browser().equals(DeviceInfo.UNKNOWN);
        boolean osKnown = !device.os().equals(DeviceInfo.UNKNOWN);
        if (browserKnown && osKnown) {
            return device.browser() + " on " + device.os();
        }
        return browserKnown ? device.browser() : osKnown ? device.os() : "";
    }
}
