package dev.sessionkit.service;

import static dev.sessionkit.testing.MutableClock.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.MaxSessionsPolicy;
import dev.sessionkit.device.UserAgentData;
import dev.sessionkit.policy.ExpiryPolicy;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.SessionLimitReachedException;
import dev.sessionkit.store.memory.InMemorySessionStore;
import dev.sessionkit.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SessionServiceTest {

    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration ABSOLUTE = Duration.ofHours(8);
    private static final Duration TOUCH = Duration.ofMinutes(1);
    private static final SessionPrincipal ALICE = new SessionPrincipal("u-1", "alice", Set.of("user"));
    private static final ClientInfo LAPTOP = new ClientInfo("198.51.100.4",
            UserAgentData.of("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"),
            Optional.of("browser-id-of-the-laptop"));

    private final MutableClock clock = MutableClock.atT0();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final RecordingListener listener = new RecordingListener();
    private SessionService service;

    @BeforeEach
    void build() {
        service = serviceWith(SessionLimit.unlimited());
    }

    private SessionService serviceWith(SessionLimit limit) {
        return SessionService.builder(store, new ExpiryPolicy(IDLE, ABSOLUTE, TOUCH))
                .limit(limit)
                .clock(clock)
                .listeners(new SessionListeners(List.of(listener)))
                .build();
    }

    @Test
    void loginIssuesAFreshTokenAndStoresOnlyItsHash() {
        IssuedSession first = service.login(ALICE, LAPTOP);
        IssuedSession second = service.login(ALICE, LAPTOP);

        assertNotEquals(first.token(), second.token());
        assertEquals(43, first.token().reveal().length());
        assertEquals(first.token().hash(), first.session().tokenHash());
        assertEquals(T0, first.session().createdAt());
        assertEquals(T0.plus(ABSOLUTE), first.session().absoluteExpiresAt());
        assertEquals("198.51.100.4", first.session().ipAddress());
        assertFalse(first.toString().contains(first.token().reveal()), "an issued session never prints its token");
    }

    @Test
    void loginTellsListenersAndFlagsOnlyTheFirstLoginFromABrowserAsNewDevice() {
        service.login(ALICE, LAPTOP);
        service.login(ALICE, LAPTOP);

        assertEquals(List.of("created:true", "created:false"), listener.events);
    }

    @Test
    void validateWhenFreshThenValidWithoutWriting() {
        IssuedSession issued = service.login(ALICE, LAPTOP);
        clock.advance(Duration.ofSeconds(30));

        ValidationResult.Valid valid = assertInstanceOf(ValidationResult.Valid.class,
                service.validate(issued.token().reveal()));

        assertEquals(ALICE, valid.session().principal());
        assertEquals(T0, store.findById(issued.session().id()).orElseThrow().lastAccessedAt(),
                "inside the touch interval nothing is written");
    }

    @Test
    void validateWhenTouchIntervalPassedThenRecordsActivity() {
        IssuedSession issued = service.login(ALICE, LAPTOP);
        clock.advance(Duration.ofMinutes(5));

        ValidationResult.Valid valid = assertInstanceOf(ValidationResult.Valid.class,
                service.validate(issued.token().reveal()));

        SessionRecord stored = store.findById(issued.session().id()).orElseThrow();
        assertEquals(clock.instant(), stored.lastAccessedAt());
        assertEquals(clock.instant().plus(IDLE).plus(TOUCH), stored.idleExpiresAt());
        assertEquals(stored, valid.session());
    }

    @Test
    void activityKeepsASessionAliveWhileAnIdleOneExpires() {
        IssuedSession used = service.login(ALICE, LAPTOP);
        IssuedSession idle = service.login(ALICE, LAPTOP);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue(service.validate(used.token().reveal()).isValid());
        }

        assertEquals(new ValidationResult.Invalid(InvalidReason.IDLE_EXPIRED), service.validate(idle.token().reveal()));
        assertEquals(EndReason.EXPIRED_IDLE, reasonOf(idle));
        assertEquals(InvalidReason.ENDED, invalidReason(service.validate(idle.token().reveal())),
                "once ended, it stays ended");
    }

    @Test
    void idleCheckNeverEndsASessionEarlierThanTheIdleTimeoutAfterItsLastRequest() {
        IssuedSession issued = service.login(ALICE, LAPTOP);
        // A request 59 s after login is inside the touch interval, so it is not written...
        clock.advance(Duration.ofSeconds(59));
        assertTrue(service.validate(issued.token().reveal()).isValid());
        // ...yet the session must survive until 30 minutes after that request.
        clock.set(T0.plusSeconds(59).plus(IDLE).minusSeconds(1));
        assertTrue(service.validate(issued.token().reveal()).isValid());
    }

    @Test
    void idleExpiryComesAtMostOneTouchIntervalLate() {
        IssuedSession issued = service.login(ALICE, LAPTOP);
        clock.set(T0.plus(IDLE).plus(TOUCH));
        assertEquals(new ValidationResult.Invalid(InvalidReason.IDLE_EXPIRED),
                service.validate(issued.token().reveal()));
    }

    @Test
    void validateByIdJudgesAndTouchesLikeValidateByToken() { // issue 11: a bound container login without cookie
        IssuedSession issued = service.login(ALICE, LAPTOP);
        clock.advance(Duration.ofMinutes(5));

        ValidationResult.Valid valid = assertInstanceOf(ValidationResult.Valid.class,
                service.validate(issued.session().id()));

        assertEquals(clock.instant(), store.findById(issued.session().id()).orElseThrow().lastAccessedAt());
        assertEquals(clock.instant(), valid.session().lastAccessedAt());
        service.end(issued.session().id(), EndReason.REVOKED_BY_ADMIN);
        assertEquals(InvalidReason.ENDED, invalidReason(service.validate(issued.session().id())));
        assertEquals(new ValidationResult.Invalid(InvalidReason.UNKNOWN),
                service.validate(SessionId.random(new java.security.SecureRandom())));
    }

    @Test
    void validateWhenAbsoluteTimeoutPassedThenEndsItEvenIfActive() {
        IssuedSession issued = service.login(ALICE, LAPTOP);
        for (int i = 0; i < 8 * 3 - 1; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue(service.validate(issued.token().reveal()).isValid());
        }
        clock.advance(Duration.ofMinutes(20));

        assertEquals(new ValidationResult.Invalid(InvalidReason.ABSOLUTE_EXPIRED),
                service.validate(issued.token().reveal()));
        assertEquals(EndReason.EXPIRED_ABSOLUTE, reasonOf(issued));
        assertTrue(listener.events.contains("ended:expired-absolute"));
    }

    static Stream<String> notTokens() {
        return Stream.of(null, "", " ", "x", "a".repeat(42), "a".repeat(44), "a".repeat(10_000),
                "a".repeat(42) + "=", "a".repeat(42) + "+", "a".repeat(42) + "/", "ä".repeat(43),
                "a".repeat(42) + "\u0000", "' OR '1'='1' --" + "a".repeat(28), "../../../../etc/passwd" + "a".repeat(21));
    }

    @ParameterizedTest
    @MethodSource("notTokens")
    void validateWhenNotATokenThenUnknownWithoutError(String garbage) {
        service.login(ALICE, LAPTOP);
        assertEquals(new ValidationResult.Invalid(InvalidReason.UNKNOWN), service.validate(garbage));
        assertFalse(service.logout(garbage));
        assertEquals(Optional.empty(), service.rotate(garbage));
    }

    @Test
    void validateWhenWellFormedButNeverIssuedThenUnknown() {
        assertEquals(new ValidationResult.Invalid(InvalidReason.UNKNOWN), service.validate("A".repeat(43)));
    }

    @Test
    void logoutEndsTheSessionOnce() {
        IssuedSession issued = service.login(ALICE, LAPTOP);

        assertTrue(service.logout(issued.token().reveal()));
        assertFalse(service.logout(issued.token().reveal()));

        assertEquals(InvalidReason.ENDED, invalidReason(service.validate(issued.token().reveal())));
        assertEquals(EndReason.LOGOUT, reasonOf(issued));
        assertEquals(List.of("created:true", "ended:logout"), listener.events);
    }

    @Test
    void endOwnWhenSomeoneElsesOrUnknownThenRefusedAlike() {
        IssuedSession alices = service.login(ALICE, LAPTOP);
        SessionPrincipal bob = SessionPrincipal.of("u-2");

        assertFalse(service.endOwn(bob.userId(), alices.session().id()));
        assertFalse(service.endOwn(bob.userId(), SessionId.random(new java.security.SecureRandom())));
        assertTrue(service.validate(alices.token().reveal()).isValid());

        assertTrue(service.endOwn(ALICE.userId(), alices.session().id()));
        assertEquals(EndReason.REVOKED_BY_USER, reasonOf(alices));
    }

    @Test
    void endOthersKeepsTheCurrentSession() {
        IssuedSession current = service.login(ALICE, LAPTOP);
        IssuedSession phone = service.login(ALICE, ClientInfo.of("192.0.2.1", "phone"));
        IssuedSession tablet = service.login(ALICE, ClientInfo.of("192.0.2.2", "tablet"));

        assertEquals(2, service.endOthers(ALICE.userId(), current.session().id(), EndReason.PASSWORD_CHANGED));

        assertTrue(service.validate(current.token().reveal()).isValid());
        assertEquals(EndReason.PASSWORD_CHANGED, reasonOf(phone));
        assertEquals(EndReason.PASSWORD_CHANGED, reasonOf(tablet));
        assertEquals(1, service.endAllOfUser(ALICE.userId(), EndReason.REVOKED_BY_ADMIN));
        assertFalse(service.validate(current.token().reveal()).isValid());
    }

    @Test
    void rotateIssuesANewTokenEndsTheOldAndNeverExtendsTheLifetime() {
        IssuedSession old = service.login(ALICE, LAPTOP);
        clock.advance(Duration.ofMinutes(20));

        IssuedSession rotated = service.rotate(old.token().reveal()).orElseThrow();

        assertNotEquals(old.session().id(), rotated.session().id());
        assertEquals(EndReason.ROTATED, reasonOf(old));
        assertEquals(InvalidReason.ENDED, invalidReason(service.validate(old.token().reveal())));
        assertTrue(service.validate(rotated.token().reveal()).isValid());
        assertEquals(old.session().absoluteExpiresAt(), rotated.session().absoluteExpiresAt());
        assertEquals(old.session().principal(), rotated.session().principal());
        assertEquals(old.session().authentication(), rotated.session().authentication(),
                "rotation proves no credential: the sign-in's stays");
    }

    @Test
    void reauthenticateWhenValidThenANewSessionCarriesTheNewProofAndTheOldTokenIsDead() {
        IssuedSession old = service.login(ALICE, LAPTOP);
        clock.advance(Duration.ofMinutes(20));

        IssuedSession renewed = service.reauthenticate(old.token().reveal(), "webauthn",
                java.util.OptionalInt.of(2)).orElseThrow();

        assertEquals(new dev.sessionkit.session.Authentication(clock.instant(), "webauthn",
                java.util.OptionalInt.of(2)), renewed.session().authentication());
        assertEquals(dev.sessionkit.session.Authentication.password(old.session().createdAt()),
                old.session().authentication());
        assertEquals(InvalidReason.ENDED, invalidReason(service.validate(old.token().reveal())));
        assertEquals(old.session().absoluteExpiresAt(), renewed.session().absoluteExpiresAt());
        assertEquals(java.util.Optional.empty(), service.reauthenticate(old.token().reveal(), "password",
                java.util.OptionalInt.empty()), "an ended token renews nothing");
    }

    @Test
    void loginOverLimitWithEvictOldestEndsTheOldestAndTellsListeners() {
        service = serviceWith(new SessionLimit(2, MaxSessionsPolicy.EVICT_OLDEST));
        IssuedSession first = service.login(ALICE, LAPTOP);
        clock.advance(Duration.ofSeconds(1));
        service.login(ALICE, LAPTOP);
        clock.advance(Duration.ofSeconds(1));
        service.login(ALICE, LAPTOP);

        assertEquals(EndReason.EVICTED_BY_LIMIT, reasonOf(first));
        assertTrue(listener.events.contains("ended:evicted-by-limit"));
    }

    @Test
    void loginOverLimitWithRejectThrowsAndIssuesNothing() {
        service = serviceWith(new SessionLimit(1, MaxSessionsPolicy.REJECT));
        service.login(ALICE, LAPTOP);
        assertThrows(SessionLimitReachedException.class, () -> service.login(ALICE, LAPTOP));
        assertEquals(1, store.listActive(ALICE.userId(), clock.instant()).size());
    }

    @Test
    void aFailingListenerDoesNotFailTheLoginNorSilenceOthers() {
        List<String> heard = new ArrayList<>();
        service = SessionService.builder(store, new ExpiryPolicy(IDLE, ABSOLUTE, TOUCH)).clock(clock)
                .listeners(new SessionListeners(List.of(new SessionListener() {
                    @Override
                    public void created(SessionRecord session, boolean newDevice) {
                        throw new IllegalStateException("listener bug");
                    }
                }, new SessionListener() {
                    @Override
                    public void created(SessionRecord session, boolean newDevice) {
                        heard.add(session.principal().username());
                    }
                }))).build();

        IssuedSession issued = service.login(ALICE, LAPTOP);

        assertTrue(service.validate(issued.token().reveal()).isValid());
        assertEquals(List.of("alice"), heard);
    }

    private EndReason reasonOf(IssuedSession issued) {
        return store.findById(issued.session().id()).orElseThrow().ending().orElseThrow().reason();
    }

    private static final class RecordingListener implements SessionListener {
        final List<String> events = new ArrayList<>();

        @Override
        public synchronized void created(SessionRecord session, boolean newDevice) {
            events.add("created:" + newDevice);
        }

        @Override
        public synchronized void ended(SessionRecord session, EndReason reason) {
            events.add("ended:" + reason.wireName());
        }
    }

    /** The reason a validation failed, or null when it did not. */
    private static InvalidReason invalidReason(ValidationResult result) {
        return result instanceof ValidationResult.Invalid invalid ? invalid.reason() : null;
    }
}
