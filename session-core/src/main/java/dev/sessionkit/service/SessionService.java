package dev.sessionkit.service;

import dev.sessionkit.device.DeviceDetector;
import dev.sessionkit.location.LocationResolver;
import dev.sessionkit.policy.ExpiryPolicy;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.Authentication;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.ActivityUpdate;
import dev.sessionkit.store.CreateResult;
import dev.sessionkit.store.SessionLimitReachedException;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.token.SessionToken;
import dev.sessionkit.token.TokenGenerator;
import dev.sessionkit.token.TokenHash;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;

/**
 * Every change to sessions: login, validation (which records activity), logout, revocation and rotation.
 * Reads live in {@link SessionQueries}. Immutable and thread-safe; time comes only from the injected
 * {@link Clock}.
 *
 * <p>Each method is one atomic store operation (or a read followed by one), so concurrent calls, other nodes and
 * cleanup can never bring an ended session back. Any method may throw
 * {@link dev.sessionkit.store.SessionStoreUnavailableException} when the store cannot answer.
 */
public final class SessionService {

    private final SessionStore store;
    private final ExpiryPolicy expiry;
    private final SessionLimit limit;
    private final TokenGenerator tokens;
    private final SecureRandom random;
    private final DeviceDetector devices;
    private final LocationResolver locations;
    private final SessionListeners listeners;
    private final ValidationCounter validations;
    private final Clock clock;

    SessionService(SessionServiceBuilder builder) {
        this.store = Objects.requireNonNull(builder.store, "store");
        this.expiry = Objects.requireNonNull(builder.expiry, "expiry");
        this.limit = Objects.requireNonNull(builder.limit, "limit");
        this.random = Objects.requireNonNull(builder.random, "random");
        this.tokens = builder.tokens != null ? builder.tokens : TokenGenerator.secureRandom(random);
        this.devices = Objects.requireNonNull(builder.devices, "devices");
        this.locations = Objects.requireNonNull(builder.locations, "locations");
        this.listeners = Objects.requireNonNull(builder.listeners, "listeners");
        this.validations = Objects.requireNonNull(builder.validations, "validations");
        this.clock = Objects.requireNonNull(builder.clock, "clock");
    }

    /**
     * Starts building a service on a store.
     *
     * @param store the record of truth
     * @param expiry the timeouts
     * @return a builder with the other collaborators at their defaults
     */
    public static SessionServiceBuilder builder(SessionStore store, ExpiryPolicy expiry) {
        return new SessionServiceBuilder(store, expiry);
    }

    /**
     * Creates a new session with a new token for a user who just proved who they are. A new token is issued on
     * every login, so a token planted before login (fixation) never becomes authenticated.
     *
     * @param principal who logged in
     * @param client where from and with what
     * @return the token to put in the cookie and the stored session
     * @throws SessionLimitReachedException when the user holds the most sessions allowed and the policy rejects
     */
    public IssuedSession login(SessionPrincipal principal, ClientInfo client) {
        return login(principal, client, Authentication.PASSWORD, OptionalInt.empty());
    }

    /**
     * Creates a new session, as {@link #login(SessionPrincipal, ClientInfo)}, for a user who proved a credential in
     * a named way.
     *
     * @param principal who logged in
     * @param client where from and with what
     * @param method how, e.g. {@code password}, {@code webauthn} or {@code remember-me} (see {@link Authentication})
     * @param level the assurance level the app assigns, when it uses them
     * @return the token to put in the cookie and the stored session
     * @throws SessionLimitReachedException when the user holds the most sessions allowed and the policy rejects
     */
    public IssuedSession login(SessionPrincipal principal, ClientInfo client, String method, OptionalInt level) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(client, "client");
        Instant now = now();
        Authentication authentication = new Authentication(now, method, level);
        SessionToken token = tokens.next();
        SessionRecord session = new SessionRecord(SessionId.random(random), token.hash(), principal, now, now,
                expiry.idleDeadlineAfter(now), expiry.absoluteDeadlineAfter(now), Optional.empty(),
                client.ipAddress(), client.userAgent().userAgent(), devices.detect(client.userAgent()),
                locations.resolve(client.ipAddress()), client.browserId().map(TokenHash::ofSecret), authentication);
        CreateResult result = store.create(session, limit, now);
        listeners.ended(result.ended());
        listeners.created(result.created(), result.newDevice());
        return new IssuedSession(token, result.created(), result.newDevice());
    }

    /**
     * Checks a presented token and, when valid, records the activity (at most once per touch interval). An
     * expired session is ended on the spot with the matching reason. Text that is not a well-formed token is
     * answered without asking the store.
     *
     * @param presentedToken the token as the client sent it; may be null or garbage
     * @return the valid session, or why there is none
     */
    public ValidationResult validate(String presentedToken) {
        Optional<SessionToken> token = SessionToken.parse(presentedToken);
        if (token.isEmpty()) {
            return counted(new ValidationResult.Invalid(InvalidReason.UNKNOWN));
        }
        return judgeAndTouch(store.findByTokenHash(token.get().hash()));
    }

    /**
     * Checks a session known by its public id, exactly as {@link #validate(String)} checks one by its token: for a
     * link Sessionkit keeps on the server side (a container login bound to its tracked session) when the browser
     * sends no cookie. Never call it with an id a client chose: the public id is not a secret.
     *
     * @param id the session the server-side link names
     * @return the valid session (its activity recorded), or why there is none
     */
    public ValidationResult validate(SessionId id) {
        Objects.requireNonNull(id, "id");
        return judgeAndTouch(store.findById(id));
    }

    private ValidationResult judgeAndTouch(Optional<SessionRecord> found) {
        Instant now = now();
        Optional<InvalidReason> invalid = InvalidReason.judge(found, now);
        if (invalid.isPresent()) {
            // An expired session is ended on the spot, with the reason matching the deadline it passed.
            found.filter(SessionRecord::isActive).flatMap(s -> s.expiryAt(now))
                    .flatMap(expiry -> store.end(found.get().id(), expiry, now))
                    .ifPresent(listeners::ended);
            return counted(new ValidationResult.Invalid(invalid.get(), invalid.get() == InvalidReason.ENDED ? found
                    : Optional.empty()));
        }
        SessionRecord session = found.get();
        boolean touched = false;
        if (expiry.isTouchDue(session, now)) {
            Instant idleDeadline = expiry.idleDeadlineAfter(now);
            ActivityUpdate update = new ActivityUpdate(session.id(), now, idleDeadline, expiry.staleBefore(now),
                    session.idleExpiresAt());
            if (store.recordActivity(List.of(update)) == 1) {
                session = session.withActivity(now, idleDeadline);
                touched = true;
            }
        }
        return counted(new ValidationResult.Valid(session, touched));
    }

    private ValidationResult counted(ValidationResult result) {
        validations.validated(result);
        return result;
    }

    /**
     * Ends the session a token belongs to, as its user signing out.
     *
     * @param presentedToken the token as the client sent it; may be null or garbage
     * @return true when this call ended an active session
     */
    public boolean logout(String presentedToken) {
        return SessionToken.parse(presentedToken)
                .flatMap(token -> store.findByTokenHash(token.hash()))
                .flatMap(session -> end(session.id(), EndReason.LOGOUT))
                .isPresent();
    }

    /**
     * Ends a session by its public id, whoever owns it: for administrators and operators.
     *
     * @param id the session
     * @param reason why it ends
     * @return the ended session when this call ended it; empty when unknown or already ended
     */
    public Optional<SessionRecord> end(SessionId id, EndReason reason) {
        Optional<SessionRecord> ended = store.end(id, reason, now());
        ended.ifPresent(listeners::ended);
        return ended;
    }

    /**
     * Ends a session only if it belongs to the given user ("sign out that device"). Someone else's session and
     * an unknown id give the same answer, so the result reveals nothing about other users' sessions.
     *
     * @param userId the user asking
     * @param id the session to end
     * @return true when this call ended one of the user's active sessions
     */
    public boolean endOwn(String userId, SessionId id) {
        Objects.requireNonNull(userId, "userId");
        // The owner of a session never changes, so checking it before the conditional end is race-free.
        boolean owned = store.findById(id).filter(s -> s.userId().equals(userId)).isPresent();
        return owned && end(id, EndReason.REVOKED_BY_USER).isPresent();
    }

    /**
     * Ends every active session of a user, e.g. when an administrator locks the account.
     *
     * @param userId the owner
     * @param reason why they end
     * @return how many sessions this call ended
     */
    public int endAllOfUser(String userId, EndReason reason) {
        return endMany(store.endAllOfUser(userId, Optional.empty(), reason, now()));
    }

    /**
     * Ends every active session of a user but one, e.g. "sign out all other devices" or after a password change.
     *
     * @param userId the owner
     * @param keep the session to keep, typically the caller's own
     * @param reason why the others end ({@link EndReason#REVOKED_BY_USER} or {@link EndReason#PASSWORD_CHANGED})
     * @return how many sessions this call ended
     */
    public int endOthers(String userId, SessionId keep, EndReason reason) {
        return endMany(store.endAllOfUser(userId, Optional.of(keep), reason, now()));
    }

    /**
     * Replaces a valid session by one with a fresh token and id, ending the old one with reason
     * {@link EndReason#ROTATED}, e.g. after a privilege change. The new session keeps the user, client details
     * and absolute deadline of the old one: rotation never extends a session's lifetime.
     *
     * @param presentedToken the current token
     * @return the new session and its token, or empty when the token was not valid
     */
    public Optional<IssuedSession> rotate(String presentedToken) {
        return replace(presentedToken, (old, now) -> old.authentication());
    }

    /**
     * Records that the user of a valid session just proved a credential again (a step-up): the session is replaced
     * as by {@link #rotate}, the new one carrying this authentication, so that a token seen before the proof never
     * carries its privilege.
     *
     * @param presentedToken the current token
     * @param method how the credential was proved, e.g. {@code password}
     * @param level the assurance level the app assigns, when it uses them
     * @return the new session and its token, or empty when the token was not valid
     */
    public Optional<IssuedSession> reauthenticate(String presentedToken, String method, OptionalInt level) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(level, "level");
        return replace(presentedToken, (old, now) -> new Authentication(now, method, level));
    }

    private Optional<IssuedSession> replace(String presentedToken,
            BiFunction<SessionRecord, Instant, Authentication> authentication) {
        if (!(validate(presentedToken) instanceof ValidationResult.Valid valid)) {
            return Optional.empty();
        }
        SessionRecord old = valid.session();
        Instant now = now();
        SessionToken token = tokens.next();
        Instant idle = Collections.min(List.of(expiry.idleDeadlineAfter(now), old.absoluteExpiresAt()));
        SessionRecord replacement = new SessionRecord(SessionId.random(random), token.hash(), old.principal(),
                now, now, idle, old.absoluteExpiresAt(),
                Optional.empty(), old.ipAddress(), old.userAgent(), old.device(), old.location(),
                old.browserIdHash(), authentication.apply(old, now));
        Optional<SessionRecord> ended = store.replace(old.id(), replacement, EndReason.ROTATED, now);
        if (ended.isEmpty()) {
            return Optional.empty();
        }
        listeners.ended(ended.get());
        listeners.created(replacement, false);
        return Optional.of(new IssuedSession(token, replacement, false));
    }

    /** The clock's instant at microsecond precision, the finest that databases store, so records round-trip. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private int endMany(List<SessionRecord> ended) {
        listeners.ended(ended);
        return ended.size();
    }
}
