package dev.sessionkit.remember;

import dev.sessionkit.security.EventAction;
import dev.sessionkit.security.EventFactory;
import dev.sessionkit.security.EventOutcome;
import dev.sessionkit.security.EventType;
import dev.sessionkit.security.SecurityEventLog;
import dev.sessionkit.security.SignIns;
import dev.sessionkit.service.IssuedSession;
import dev.sessionkit.service.SessionService;
import dev.sessionkit.session.Authentication;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.RememberMeStore;
import dev.sessionkit.token.TokenHash;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * "Keep me signed in", per device, with theft detection. A remembered device holds a cookie {@code selector.validator};
 * when it comes without a valid session, the validator is checked against the stored hash, a new session starts
 * (method {@code remember-me}, so never "recent" for step-up) and the validator is replaced. A validator replaced
 * less than {@link #GRACE} ago is accepted once more for the same device, for the browser's parallel requests; an
 * older one means the cookie was copied: the device is forgotten, every session it started ends, and
 * {@code authn_token_reuse} is recorded. Thread-safe.
 */
public final class RememberMe {

    /**
     * How long a just-replaced validator is still accepted. A page's parallel requests (scripts, images, API calls
     * sent before the first response set the new cookie) arrive within a second or two; a thief's copy, replayed
     * later, does not.
     */
    public static final Duration GRACE = Duration.ofSeconds(5);

    /** Devices forgotten per transaction by {@link #forgetEveryone}. */
    private static final int FORGET_BATCH = 500;

    private final RememberMeStore store;
    private final SignIns signIns;
    private final SessionService sessions;
    private final SecurityEventLog log;
    private final EventFactory events;
    private final Clock clock;
    private final SecureRandom random;
    private final RememberMeSettings settings;

    /**
     * Remembers devices in a store.
     *
     * @param store the series and their sessions
     * @param signIns starts the sessions, monitored like any sign-in
     * @param sessions ends sessions when a device is forgotten
     * @param log records thefts
     * @param events builds their events
     * @param clock the time
     * @param random for selectors and validators
     * @param settings the lifetime and the most devices per user
     */
    public RememberMe(RememberMeStore store, SignIns signIns, SessionService sessions, SecurityEventLog log,
            EventFactory events, Clock clock, SecureRandom random, RememberMeSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.signIns = Objects.requireNonNull(signIns, "signIns");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.log = Objects.requireNonNull(log, "log");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** {@return how long a device stays remembered, the cookie's Max-Age} */
    public Duration lifetime() {
        return settings.lifetime();
    }

    /**
     * Remembers the device of a session just started by a sign-in that asked for it. Beyond the most devices per
     * user, the oldest are forgotten.
     *
     * @param session the new session
     * @return the device's cookie
     */
    public RememberCookie remember(SessionRecord session) {
        List<RememberSeries> existing = store.listOfUser(session.userId());
        for (int i = settings.maxDevices() - 1; i < existing.size(); i++) {
            store.delete(existing.get(i).selector()); // newest first: these are the oldest
        }
        Instant now = clock.instant();
        RememberCookie cookie = new RememberCookie(randomText(16), randomText(32));
        store.create(new RememberSeries(cookie.selector(), session.principal(), TokenHash.ofSecret(cookie.validator()),
                Optional.empty(), now, now, now.plus(settings.lifetime()), EventFactory.summary(session.device())));
        store.link(cookie.selector(), session.id());
        return cookie;
    }

    /**
     * Starts a session for a request that has no valid one but a remembered device's cookie.
     *
     * @param cookieValue the cookie as sent; may be garbage
     * @param client where the request comes from
     * @return the new session (and the device's next cookie), or refused
     */
    public Resumption resume(String cookieValue, ClientInfo client) {
        Optional<RememberCookie> cookie = RememberCookie.parse(cookieValue);
        Optional<RememberSeries> found = cookie.flatMap(c -> store.find(c.selector()));
        if (found.isEmpty()) {
            return new Resumption.Refused();
        }
        RememberSeries series = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(series.expiresAt())) {
            store.delete(series.selector());
            return new Resumption.Refused();
        }
        TokenHash presented = TokenHash.ofSecret(cookie.get().validator());
        if (presented.equals(series.validatorHash())) {
            RememberCookie next = new RememberCookie(series.selector(), randomText(32));
            if (store.rotate(series.selector(), presented, TokenHash.ofSecret(next.validator()), now)) {
                return new Resumption.Resumed(start(series, client), Optional.of(next));
            }
            // A parallel request rotated first: judge this one as presenting the previous validator.
            series = store.find(series.selector()).orElse(series);
        }
        boolean justReplaced = series.previousValidatorHash().filter(presented::equals).isPresent()
                && !now.isAfter(series.rotatedAt().plus(GRACE));
        if (justReplaced) {
            return new Resumption.Resumed(start(series, client), Optional.empty());
        }
        stolen(series, client);
        return new Resumption.Refused();
    }

    /**
     * Forgets the device a cookie names (at logout, or "forget this device"), ending the other sessions it started.
     *
     * @param cookieValue the cookie as sent; may be garbage
     * @return true when a device was forgotten
     */
    public boolean forget(String cookieValue) {
        return RememberCookie.parse(cookieValue).map(c -> forgetSeries(c.selector(), EndReason.LOGOUT))
                .orElse(false);
    }

    /**
     * Forgets one device and ends every session it started.
     *
     * @param selector the device's series
     * @param reason the end reason of its sessions
     * @return true when it existed
     */
    public boolean forgetSeries(String selector, EndReason reason) {
        List<SessionId> started = store.sessionsOf(selector);
        boolean existed = store.delete(selector);
        started.forEach(id -> sessions.end(id, reason));
        return existed;
    }

    /**
     * Forgets every device of a user but, optionally, the one that started a kept session.
     *
     * @param userId the user
     * @param keep the session whose device stays remembered
     * @param reason the end reason of their sessions
     * @return how many devices were forgotten
     */
    public int forgetAllOf(String userId, Optional<SessionId> keep, EndReason reason) {
        Optional<String> kept = keep.flatMap(store::seriesOf);
        int forgotten = 0;
        for (RememberSeries series : store.listOfUser(userId)) {
            if (kept.filter(series.selector()::equals).isEmpty() && forgetSeries(series.selector(), reason)) {
                forgotten++;
            }
        }
        return forgotten;
    }

    /**
     * Forgets every remembered device of every user but the one that started a kept session, in batches: with the
     * administrators' "sign out everyone", which ends the sessions themselves.
     *
     * @param keep the administrator's own session
     * @return how many devices were forgotten
     */
    public int forgetEveryone(SessionId keep) {
        Optional<String> kept = store.seriesOf(keep);
        int forgotten = 0;
        int batch;
        do {
            batch = store.deleteAll(kept, FORGET_BATCH);
            forgotten += batch;
        } while (batch == FORGET_BATCH);
        return forgotten;
    }

    /**
     * Keeps a renewed session (rotated, or re-authenticated) linked to the device that started the one it
     * replaces, so that forgetting the device still ends it.
     *
     * @param replaced the old session
     * @param replacement the new one
     */
    public void carriedOver(SessionId replaced, SessionId replacement) {
        store.seriesOf(replaced).ifPresent(selector -> store.link(selector, replacement));
    }

    /**
     * Lists a user's remembered devices, newest first.
     *
     * @param userId the user
     * @return the devices
     */
    public List<RememberSeries> devicesOf(String userId) {
        return store.listOfUser(userId);
    }

    /**
     * Tells which remembered device started a session.
     *
     * @param session the session
     * @return the device's selector, when one did
     */
    public Optional<String> deviceOf(SessionId session) {
        return store.seriesOf(session);
    }

    private IssuedSession start(RememberSeries series, ClientInfo client) {
        IssuedSession issued = signIns.signIn(series.principal(), client, Authentication.REMEMBER_ME,
                OptionalInt.empty()).issued();
        store.link(series.selector(), issued.session().id());
        return issued;
    }

    private void stolen(RememberSeries series, ClientInfo client) {
        forgetSeries(series.selector(), EndReason.SECURITY_POLICY);
        log.record(List.of(events.aboutClient(EventType.AUTHN_TOKEN_REUSE, EventOutcome.FAILURE,
                Optional.of(series.userId()), client, EventAction.END_ALL_SESSIONS, "remembered-device")));
    }

    private String randomText(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
