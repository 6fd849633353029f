package dev.sessionkit.testing;

import dev.sessionkit.device.DeviceInfo;
import dev.sessionkit.device.DeviceType;
import dev.sessionkit.location.Location;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.token.SessionToken;
import dev.sessionkit.token.TokenGenerator;
import dev.sessionkit.token.TokenHash;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Builds session records for store tests: {@code aSession().ownedBy("alice").createdAt(T0).build()}. */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private String userId = "alice";
    private Set<String> roles = Set.of("user");
    private Instant createdAt = MutableClock.T0;
    private Duration idle = Duration.ofMinutes(30);
    private Duration absolute = Duration.ofHours(24);
    private SessionToken token = TokenGenerator.secureRandom(RANDOM).next();
    private Optional<TokenHash> browserIdHash = Optional.empty();
    private DeviceInfo device = new DeviceInfo(DeviceType.DESKTOP, "Firefox 128", "Linux");
    private Optional<Location> location = Optional.empty();
    private Optional<dev.sessionkit.session.Authentication> authentication = Optional.empty();

    private Sessions() {
    }

    public static Sessions aSession() {
        return new Sessions();
    }

    public Sessions ownedBy(String user) {
        this.userId = user;
        return this;
    }

    public Sessions roles(String... names) {
        this.roles = Set.of(names);
        return this;
    }

    public Sessions createdAt(Instant at) {
        this.createdAt = at;
        return this;
    }

    public Sessions idleTimeout(Duration timeout) {
        this.idle = timeout;
        return this;
    }

    public Sessions absoluteTimeout(Duration timeout) {
        this.absolute = timeout;
        return this;
    }

    public Sessions browserId(String browserId) {
        this.browserIdHash = Optional.of(TokenHash.ofSecret(browserId));
        return this;
    }

    public Sessions device(DeviceType type, String browser, String os) {
        this.device = new DeviceInfo(type, browser, os);
        return this;
    }

    public Sessions location(Location where) {
        this.location = Optional.of(where);
        return this;
    }

    /** The user proved a credential this way at this instant; by default a password at creation. */
    public Sessions authenticated(dev.sessionkit.session.Authentication how) {
        this.authentication = Optional.of(how);
        return this;
    }

    public SessionToken token() {
        return token;
    }

    public SessionRecord build() {
        return new SessionRecord(SessionId.random(RANDOM), token.hash(),
                new SessionPrincipal(userId, userId.toUpperCase(java.util.Locale.ROOT), roles), createdAt, createdAt,
                createdAt.plus(idle), createdAt.plus(absolute), Optional.empty(), "203.0.113.7",
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", device, location,
                browserIdHash, authentication.orElse(dev.sessionkit.session.Authentication.password(createdAt)));
    }
}
