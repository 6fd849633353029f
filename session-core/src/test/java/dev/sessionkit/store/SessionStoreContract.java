package dev.sessionkit.store;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.MaxSessionsPolicy;
import dev.sessionkit.device.DeviceType;
import dev.sessionkit.location.Location;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.Ending;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.session.SessionStatus;
import dev.sessionkit.maintenance.SessionCleanup;
import dev.sessionkit.policy.ExpiryPolicy;
import dev.sessionkit.service.InvalidReason;
import dev.sessionkit.service.SessionListeners;
import dev.sessionkit.store.memory.InMemoryLeases;
import dev.sessionkit.service.SessionService;
import dev.sessionkit.service.ValidationResult;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.testing.Sessions;
import dev.sessionkit.testing.Touches;
import dev.sessionkit.token.TokenHash;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one behaviour every {@link SessionStore} must have. Subclasses supply two "nodes" on the same data (for the
 * in-memory store both are the same object) and a way to empty the store before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SessionStoreContract {

    protected static final Duration MINUTE = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The store under test. */
    protected abstract SessionStore nodeA();

    /** A second store on the same data, as another application node would have. */
    protected abstract SessionStore nodeB();

    /** Empties the data; called before each test. */
    protected abstract void reset();

    @org.junit.jupiter.api.BeforeEach
    final void emptyTheStore() {
        reset();
    }

    private SessionRecord stored(Sessions builder) {
        return nodeA().create(builder.build(), SessionLimit.unlimited(), T0).created();
    }

    // ---- create and find ----------------------------------------------------------------------------------

    @Test
    void createThenFindReturnsEveryFieldAsStored() {
        SessionRecord session = aSession().ownedBy("alice").roles("user", "sessionkit-admin")
                .device(DeviceType.MOBILE, "Safari 17.1", "iOS 17.1")
                .location(new Location(Optional.of("Zürich"), "CH", "Switzerland"))
                .browserId("browser-1").build();

        nodeA().create(session, SessionLimit.unlimited(), T0);

        assertEquals(Optional.of(session), nodeA().findById(session.id()));
        assertEquals(Optional.of(session), nodeB().findByTokenHash(session.tokenHash()));
    }

    @Test
    void createWhenAuthenticatedByAnAppMethodWithALevelThenRoundTrips() {
        SessionRecord session = aSession().authenticated(new dev.sessionkit.session.Authentication(
                T0.plusSeconds(30), "webauthn", java.util.OptionalInt.of(2))).build();

        nodeA().create(session, SessionLimit.unlimited(), T0);

        assertEquals(session.authentication(), nodeB().findById(session.id()).orElseThrow().authentication());
    }

    @Test
    void findWhenUnknownThenEmpty() {
        stored(aSession());
        assertEquals(Optional.empty(), nodeA().findById(SessionId.random(RANDOM)));
        assertEquals(Optional.empty(), nodeA().findByTokenHash(TokenHash.ofSecret("never issued")));
    }

    @Test
    void createWhenNoRolesThenRoundTripsEmptyRoles() {
        SessionRecord session = stored(aSession().roles());
        assertEquals(Set.of(), nodeB().findById(session.id()).orElseThrow().principal().roles());
    }

    // ---- touch ----------------------------------------------------------------------------------------------

    @Test
    void touchWhenStaleThenWritesActivityAndIdleDeadline() {
        SessionRecord session = stored(aSession());
        Instant at = T0.plus(MINUTE.multipliedBy(5));

        assertTrue(Touches.touch(nodeA(), session.id(), at, at.plus(Duration.ofMinutes(31)), at.minus(MINUTE)));

        SessionRecord after = nodeB().findById(session.id()).orElseThrow();
        assertEquals(at, after.lastAccessedAt());
        assertEquals(at.plus(Duration.ofMinutes(31)), after.idleExpiresAt());
    }

    @Test
    void touchWhenWrittenWithinIntervalThenSkips() {
        SessionRecord session = stored(aSession());
        Instant first = T0.plus(MINUTE.multipliedBy(5));
        Touches.touch(nodeA(), session.id(), first, first.plus(Duration.ofMinutes(31)), first.minus(MINUTE));

        Instant second = first.plusSeconds(30);
        assertFalse(Touches.touch(nodeB(), session.id(), second, second.plus(Duration.ofMinutes(31)), second.minus(MINUTE)));
        assertEquals(first, nodeA().findById(session.id()).orElseThrow().lastAccessedAt());
    }

    @Test
    void touchNeverMovesLastAccessBackwards() {
        SessionRecord session = stored(aSession());
        Instant later = T0.plus(MINUTE.multipliedBy(10));
        Touches.touch(nodeA(), session.id(), later, later.plus(Duration.ofMinutes(31)), later);

        Instant earlier = T0.plus(MINUTE.multipliedBy(5));
        assertFalse(Touches.touch(nodeA(), session.id(), earlier, earlier.plus(Duration.ofMinutes(31)), later));
        assertEquals(later, nodeA().findById(session.id()).orElseThrow().lastAccessedAt());
    }

    @Test
    void touchWhenEndedThenNothingChanges() {
        SessionRecord session = stored(aSession());
        nodeA().end(session.id(), EndReason.LOGOUT, T0.plus(MINUTE));

        Instant at = T0.plus(MINUTE.multipliedBy(5));
        assertFalse(Touches.touch(nodeB(), session.id(), at, at.plus(Duration.ofMinutes(31)), at));
        SessionRecord after = nodeA().findById(session.id()).orElseThrow();
        assertEquals(SessionStatus.ENDED, after.status());
        assertEquals(T0, after.lastAccessedAt());
    }

    @Test
    void recordActivityWritesEachSessionUnderTheSameConditionsAsOne() {
        SessionRecord stale = stored(aSession());
        SessionRecord fresh = stored(aSession());
        SessionRecord ended = stored(aSession());
        Instant recent = T0.plusSeconds(270);
        Touches.touch(nodeA(), fresh.id(), recent, recent.plus(Duration.ofMinutes(31)), recent);
        nodeA().end(ended.id(), EndReason.LOGOUT, T0.plus(MINUTE));

        Instant at = T0.plus(MINUTE.multipliedBy(5));
        Instant idle = at.plus(Duration.ofMinutes(31));
        int written = nodeB().recordActivity(List.of(new ActivityUpdate(stale.id(), at, idle, at.minus(MINUTE), idle),
                new ActivityUpdate(fresh.id(), at, idle, at.minus(MINUTE), idle),
                new ActivityUpdate(ended.id(), at, idle, at.minus(MINUTE), idle),
                new ActivityUpdate(SessionId.random(RANDOM), at, idle, at.minus(MINUTE), idle)));

        assertEquals(1, written);
        assertEquals(at, nodeA().findById(stale.id()).orElseThrow().lastAccessedAt());
        assertEquals(idle, nodeA().findById(stale.id()).orElseThrow().idleExpiresAt());
        assertEquals(recent, nodeA().findById(fresh.id()).orElseThrow().lastAccessedAt());
        assertEquals(T0, nodeA().findById(ended.id()).orElseThrow().lastAccessedAt());
    }

    @Test
    void recordActivityWritesBatchesLargerThanOneStatementBatch() {
        List<SessionRecord> sessions = IntStream.range(0, 1_203).mapToObj(i -> aSession().ownedBy("u" + (i % 7)))
                .map(b -> nodeA().create(b.build(), SessionLimit.unlimited(), T0).created()).toList();
        Instant at = T0.plus(MINUTE.multipliedBy(5));

        int written = nodeB().recordActivity(sessions.stream()
                .map(s -> new ActivityUpdate(s.id(), at, at.plus(Duration.ofMinutes(31)), at.minus(MINUTE),
                        at.plus(Duration.ofMinutes(31)))).toList());

        assertEquals(1_203, written);
        assertEquals(1_203, sessions.stream()
                .filter(s -> nodeA().findById(s.id()).orElseThrow().lastAccessedAt().equals(at)).count());
    }

    // ---- end ------------------------------------------------------------------------------------------------

    @Test
    void endWhenActiveThenEndsOnceWithReasonAndTime() {
        SessionRecord session = stored(aSession());
        Instant at = T0.plus(MINUTE);

        Optional<SessionRecord> ended = nodeA().end(session.id(), EndReason.REVOKED_BY_ADMIN, at);

        assertEquals(Optional.of(new Ending(at, EndReason.REVOKED_BY_ADMIN)), ended.orElseThrow().ending());
        assertEquals(Optional.empty(), nodeB().end(session.id(), EndReason.LOGOUT, at.plus(MINUTE)));
        assertEquals(Optional.of(new Ending(at, EndReason.REVOKED_BY_ADMIN)),
                nodeB().findByTokenHash(session.tokenHash()).orElseThrow().ending());
    }

    @Test
    void endWhenUnknownThenEmpty() {
        assertEquals(Optional.empty(), nodeA().end(SessionId.random(RANDOM), EndReason.LOGOUT, T0));
    }

    @Test
    void endSeenAtOnceByAnotherNodeThatReadTheSessionBefore() {
        SessionRecord session = stored(aSession());
        assertTrue(nodeB().findByTokenHash(session.tokenHash()).orElseThrow().isActive());

        nodeA().end(session.id(), EndReason.LOGOUT, T0.plus(MINUTE));

        assertFalse(nodeB().findByTokenHash(session.tokenHash()).orElseThrow().isActive());
        assertEquals(List.of(), nodeB().listActive("alice", T0.plus(MINUTE)));
    }

    @Test
    void endAllOfUserEndsOnlyThatUsersActiveSessionsExceptTheOneKept() {
        SessionRecord keep = stored(aSession().ownedBy("alice"));
        SessionRecord other1 = stored(aSession().ownedBy("alice"));
        SessionRecord other2 = stored(aSession().ownedBy("alice"));
        SessionRecord alreadyEnded = stored(aSession().ownedBy("alice"));
        nodeA().end(alreadyEnded.id(), EndReason.LOGOUT, T0);
        SessionRecord bobs = stored(aSession().ownedBy("bob"));

        List<SessionRecord> ended = nodeA().endAllOfUser("alice", Optional.of(keep.id()),
                EndReason.PASSWORD_CHANGED, T0.plus(MINUTE));

        assertEquals(Set.of(other1.id(), other2.id()), ids(ended));
        assertTrue(ended.stream().allMatch(s -> s.ending().orElseThrow().reason() == EndReason.PASSWORD_CHANGED));
        assertEquals(List.of(keep.id()), nodeB().listActive("alice", T0.plus(MINUTE)).stream()
                .map(SessionRecord::id).toList());
        assertTrue(nodeB().findById(bobs.id()).orElseThrow().isActive());
        assertEquals(EndReason.LOGOUT, nodeB().findById(alreadyEnded.id()).orElseThrow().ending().orElseThrow()
                .reason());
    }

    @Test
    void endAllOfUserWithoutExceptionEndsEveryOne() {
        stored(aSession().ownedBy("alice"));
        stored(aSession().ownedBy("alice"));
        assertEquals(2, nodeA().endAllOfUser("alice", Optional.empty(), EndReason.REVOKED_BY_ADMIN, T0).size());
        assertEquals(0, countActive(nodeB(), "alice", T0));
    }

    // ---- replace (rotation) ---------------------------------------------------------------------------------

    @Test
    void replaceEndsOldAndStoresNewAtomically() {
        SessionRecord old = stored(aSession());
        SessionRecord replacement = aSession().createdAt(T0.plus(MINUTE)).build();

        Optional<SessionRecord> ended = nodeA().replace(old.id(), replacement, EndReason.ROTATED, T0.plus(MINUTE));

        assertEquals(EndReason.ROTATED, ended.orElseThrow().ending().orElseThrow().reason());
        assertEquals(Optional.of(replacement), nodeB().findByTokenHash(replacement.tokenHash()));
    }

    @Test
    void replaceWhenOldAlreadyEndedThenStoresNothing() {
        SessionRecord old = stored(aSession());
        nodeA().end(old.id(), EndReason.LOGOUT, T0);
        SessionRecord replacement = aSession().build();

        assertEquals(Optional.empty(), nodeB().replace(old.id(), replacement, EndReason.ROTATED, T0));
        assertEquals(Optional.empty(), nodeA().findById(replacement.id()));
    }

    // ---- expiry and cleanup -----------------------------------------------------------------------------------

    @Test
    void endExpiredEndsEachWithItsReasonAndLeavesLiveOnes() {
        SessionRecord idle = stored(aSession().idleTimeout(Duration.ofMinutes(10)));
        SessionRecord absolute = stored(aSession().idleTimeout(Duration.ofHours(5)).absoluteTimeout(Duration.ofHours(1)));
        SessionRecord live = stored(aSession().idleTimeout(Duration.ofHours(5)).absoluteTimeout(Duration.ofHours(5)));
        Instant now = T0.plus(Duration.ofHours(2));

        List<SessionRecord> ended = nodeA().endExpired(now, 100);

        assertEquals(Set.of(idle.id(), absolute.id()), ids(ended));
        assertEquals(EndReason.EXPIRED_IDLE, reasonOf(idle.id()));
        assertEquals(EndReason.EXPIRED_ABSOLUTE, reasonOf(absolute.id()));
        assertTrue(nodeB().findById(live.id()).orElseThrow().isActive());
        assertEquals(List.of(), nodeB().endExpired(now, 100));
    }

    @Test
    void endExpiredWhenBothDeadlinesPassedThenAbsoluteWins() {
        SessionRecord both = stored(aSession().idleTimeout(Duration.ofMinutes(10)).absoluteTimeout(Duration.ofHours(1)));
        nodeA().endExpired(T0.plus(Duration.ofHours(3)), 10);
        assertEquals(EndReason.EXPIRED_ABSOLUTE, reasonOf(both.id()));
    }

    @Test
    void endExpiredEndsAtMostTheLimitPerCall() {
        for (int i = 0; i < 7; i++) {
            stored(aSession().ownedBy("user" + i).idleTimeout(Duration.ofMinutes(1)));
        }
        Instant now = T0.plus(Duration.ofHours(1));
        assertEquals(3, nodeA().endExpired(now, 3).size());
        assertEquals(3, nodeB().endExpired(now, 3).size());
        assertEquals(1, nodeA().endExpired(now, 3).size());
        assertEquals(0, nodeA().endExpired(now, 3).size());
    }

    @Test
    void purgeDeletesOnlyEndedSessionsOlderThanTheCutoffInBatches() {
        List<SessionRecord> old = IntStream.range(0, 5).mapToObj(i -> stored(aSession())).toList();
        old.forEach(s -> nodeA().end(s.id(), EndReason.LOGOUT, T0.plus(MINUTE)));
        SessionRecord recent = stored(aSession());
        nodeA().end(recent.id(), EndReason.LOGOUT, T0.plus(Duration.ofDays(20)));
        SessionRecord active = stored(aSession());
        Instant cutoff = T0.plus(Duration.ofDays(10));

        assertEquals(2, nodeA().purgeEndedBefore(cutoff, 2));
        assertEquals(3, nodeB().purgeEndedBefore(cutoff, 10));
        assertEquals(0, nodeA().purgeEndedBefore(cutoff, 10));

        assertTrue(old.stream().allMatch(s -> nodeA().findById(s.id()).isEmpty()));
        assertTrue(nodeA().findById(recent.id()).isPresent());
        assertTrue(nodeA().findById(active.id()).isPresent());
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    @Test
    void listActiveShowsUsableSessionsMostRecentlyUsedFirst() {
        SessionRecord older = stored(aSession());
        SessionRecord newer = stored(aSession());
        SessionRecord expired = stored(aSession().idleTimeout(Duration.ofMinutes(5)));
        SessionRecord ended = stored(aSession());
        nodeA().end(ended.id(), EndReason.LOGOUT, T0);
        stored(aSession().ownedBy("bob"));
        Instant now = T0.plus(MINUTE.multipliedBy(10));
        Touches.touch(nodeA(), newer.id(), now, now.plus(Duration.ofMinutes(30)), now);

        assertEquals(List.of(newer.id(), older.id()),
                nodeB().listActive("alice", now).stream().map(SessionRecord::id).toList());
        assertEquals(2, countActive(nodeB(), "alice", now));
        assertTrue(nodeA().findById(expired.id()).orElseThrow().isActive(), "listing does not end anything");
    }

    @Test
    void historyPagesEndedSessionsMostRecentlyEndedFirst() {
        List<SessionId> endedInOrder = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SessionRecord s = stored(aSession());
            nodeA().end(s.id(), EndReason.LOGOUT, T0.plus(MINUTE.multipliedBy(i + 1)));
            endedInOrder.add(0, s.id());
        }
        stored(aSession());

        Page<SessionRecord> first = history(nodeB(), "alice", new PageRequest(0, 2));
        Page<SessionRecord> last = history(nodeB(), "alice", new PageRequest(2, 2));

        assertEquals(5, first.total());
        assertEquals(endedInOrder.subList(0, 2), first.items().stream().map(SessionRecord::id).toList());
        assertTrue(first.hasNext());
        assertEquals(endedInOrder.subList(4, 5), last.items().stream().map(SessionRecord::id).toList());
        assertFalse(last.hasNext());
        assertEquals(0, history(nodeB(), "nobody", PageRequest.first(10)).total());
    }

    @Test
    void searchFiltersByUserAndStatusNewestFirst() {
        SessionRecord a1 = stored(aSession().ownedBy("alice").createdAt(T0));
        SessionRecord a2 = stored(aSession().ownedBy("alice").createdAt(T0.plus(MINUTE)));
        SessionRecord b1 = stored(aSession().ownedBy("bob").createdAt(T0.plus(MINUTE.multipliedBy(2))));
        nodeA().end(a1.id(), EndReason.LOGOUT, T0.plus(MINUTE.multipliedBy(3)));
        Instant now = T0.plus(MINUTE.multipliedBy(4));

        assertEquals(List.of(b1.id(), a2.id(), a1.id()), searchIds(SessionSearch.all(), now));
        assertEquals(List.of(a2.id(), a1.id()),
                searchIds(new SessionSearch(Optional.of("alice"), Optional.empty()), now));
        assertEquals(List.of(b1.id(), a2.id()),
                searchIds(new SessionSearch(Optional.empty(), Optional.of(SessionStatus.ACTIVE)), now));
        assertEquals(List.of(a1.id()),
                searchIds(new SessionSearch(Optional.of("alice"), Optional.of(SessionStatus.ENDED)), now));
        Page<SessionRecord> page = nodeA().search(SessionSearch.all(), now, new PageRequest(1, 2));
        assertEquals(3, page.total());
        assertEquals(List.of(a1.id()), page.items().stream().map(SessionRecord::id).toList());
    }

    // ---- session limit ------------------------------------------------------------------------------------

    @Test
    void createWhenLimitReachedWithEvictOldestThenOldestEnds() {
        SessionLimit limit = new SessionLimit(2, MaxSessionsPolicy.EVICT_OLDEST);
        SessionRecord first = nodeA().create(aSession().createdAt(T0).build(), limit, T0).created();
        SessionRecord second = nodeA().create(aSession().createdAt(T0.plus(MINUTE)).build(), limit, T0.plus(MINUTE))
                .created();

        CreateResult third = nodeB().create(aSession().createdAt(T0.plus(MINUTE.multipliedBy(2))).build(), limit,
                T0.plus(MINUTE.multipliedBy(2)));

        assertEquals(List.of(first.id()), third.ended().stream().map(SessionRecord::id).toList());
        assertEquals(EndReason.EVICTED_BY_LIMIT, reasonOf(first.id()));
        assertEquals(Set.of(second.id(), third.created().id()),
                ids(nodeA().listActive("alice", T0.plus(MINUTE.multipliedBy(2)))));
    }

    @Test
    void createWhenLimitReachedWithRejectThenRefusesAndStoresNothing() {
        SessionLimit limit = new SessionLimit(1, MaxSessionsPolicy.REJECT);
        SessionRecord first = nodeA().create(aSession().build(), limit, T0).created();
        SessionRecord refused = aSession().build();

        SessionLimitReachedException e = assertThrows(SessionLimitReachedException.class,
                () -> nodeB().create(refused, limit, T0.plus(MINUTE)));

        assertEquals(1, e.limit());
        assertEquals(Optional.empty(), nodeA().findById(refused.id()));
        assertTrue(nodeA().findById(first.id()).orElseThrow().isActive());
    }

    @Test
    void createUnderLimitEndsExpiredSessionsFirstAndDoesNotCountThem() {
        SessionLimit limit = new SessionLimit(1, MaxSessionsPolicy.REJECT);
        SessionRecord stale = nodeA().create(aSession().idleTimeout(Duration.ofMinutes(5)).build(), limit, T0)
                .created();

        CreateResult result = nodeA().create(aSession().createdAt(T0.plus(Duration.ofHours(1))).build(), limit,
                T0.plus(Duration.ofHours(1)));

        assertEquals(List.of(stale.id()), result.ended().stream().map(SessionRecord::id).toList());
        assertEquals(EndReason.EXPIRED_IDLE, reasonOf(stale.id()));
    }

    @Test
    void limitCountsOnlyThatUsersSessions() {
        SessionLimit limit = new SessionLimit(1, MaxSessionsPolicy.REJECT);
        nodeA().create(aSession().ownedBy("alice").build(), limit, T0);
        nodeA().create(aSession().ownedBy("bob").build(), limit, T0);
        assertEquals(1, countActive(nodeA(), "bob", T0));
    }

    @ParameterizedTest
    @EnumSource(MaxSessionsPolicy.class)
    void fiftyConcurrentLoginsOnTwoNodesLeaveExactlyTheLimitActive(MaxSessionsPolicy policy) throws Exception {
        SessionLimit limit = new SessionLimit(3, policy);
        int logins = 50;
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            SessionStore node = i % 2 == 0 ? nodeA() : nodeB();
            SessionRecord session = aSession().ownedBy("racer").build();
            tasks.add(() -> {
                try {
                    node.create(session, limit, T0);
                    return true;
                } catch (SessionLimitReachedException refused) {
                    return false;
                }
            });
        }

        List<Boolean> outcomes = runAllAtOnce(tasks);

        assertEquals(3, countActive(nodeA(), "racer", T0));
        long accepted = outcomes.stream().filter(ok -> ok).count();
        if (policy == MaxSessionsPolicy.REJECT) {
            assertEquals(3, accepted);
        } else {
            assertEquals(logins, accepted);
            assertEquals(logins - 3, history(nodeA(), "racer", PageRequest.first(100)).items().stream()
                    .filter(s -> s.ending().orElseThrow().reason() == EndReason.EVICTED_BY_LIMIT).count());
        }
    }

    @Test
    void endingRacingTouchAndCleanupNeverBringsASessionBack() throws Exception {
        List<SessionRecord> sessions = IntStream.range(0, 40)
                .mapToObj(i -> stored(aSession().ownedBy("u" + (i % 4)).idleTimeout(Duration.ofMinutes(30))))
                .toList();
        Instant later = T0.plus(Duration.ofMinutes(20));
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (SessionRecord s : sessions) {
            tasks.add(() -> nodeA().end(s.id(), EndReason.REVOKED_BY_USER, later).isPresent());
            tasks.add(() -> Touches.touch(nodeB(), s.id(), later.plusSeconds(1), later.plus(Duration.ofMinutes(31)),
                    later.plusSeconds(1)));
            tasks.add(() -> !nodeB().endExpired(T0.plus(Duration.ofMinutes(40)), 5).isEmpty());
        }
        tasks.add(() -> nodeA().endAllOfUser("u1", Optional.empty(), EndReason.REVOKED_BY_ADMIN, later) != null);

        runAllAtOnce(tasks);

        for (SessionRecord s : sessions) {
            SessionRecord after = nodeA().findById(s.id()).orElseThrow();
            assertEquals(SessionStatus.ENDED, after.status(), "every session was ended by someone");
            assertFalse(Touches.touch(nodeB(), s.id(), later.plus(Duration.ofMinutes(1)), later.plus(Duration.ofMinutes(40)),
                    later.plus(Duration.ofMinutes(1))), "an ended session never takes activity again");
        }
        assertEquals(0, countActive(nodeA(), "u0", later) + countActive(nodeA(), "u1", later)
                + countActive(nodeA(), "u2", later) + countActive(nodeA(), "u3", later));
    }

    @Test
    void validatingLoggingOutAndCleaningUpRacingNeverAcceptAnEndedSession() throws Exception {
        // Every read of this clock moves it 1 ms on, so with a zero touch interval every validation writes.
        java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
        java.time.Clock ticking = new java.time.Clock() {
            @Override
            public Instant instant() {
                return T0.plusMillis(ticks.incrementAndGet());
            }

            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        ExpiryPolicy policy = new ExpiryPolicy(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ZERO);
        SessionService serviceA = SessionService.builder(nodeA(), policy).clock(ticking).build();
        SessionService serviceB = SessionService.builder(nodeB(), policy).clock(ticking).build();
        SessionCleanup cleanup = new SessionCleanup(nodeB(), new InMemoryLeases(), SessionListeners.none(), ticking, Duration.ofDays(1),
                MINUTE, "cleaner", 5, 2);
        List<String> tokens = IntStream.range(0, 20)
                .mapToObj(i -> serviceA.login(SessionPrincipal.of("user" + (i % 3)), ClientInfo.unknown()).token()
                        .reveal())
                .toList();
        List<Callable<String>> tasks = new ArrayList<>();
        for (String token : tokens) {
            for (int i = 0; i < 4; i++) {
                SessionService service = i % 2 == 0 ? serviceA : serviceB;
                tasks.add(() -> service.validate(token).isValid() ? "" : "");
            }
            tasks.add(() -> {
                serviceA.logout(token);
                // Once logout has returned, no node may accept the token again.
                return serviceB.validate(token).isValid() || serviceA.validate(token).isValid()
                        ? "accepted after logout" : "";
            });
            tasks.add(() -> cleanup.runOnce().ran() ? "" : "");
        }

        List<String> violations = runAllAtOnce(tasks).stream().filter(v -> !v.isEmpty()).toList();

        assertEquals(List.of(), violations);
        for (String token : tokens) {
            assertEquals(InvalidReason.ENDED, invalidReason(serviceB.validate(token)));
        }
    }

    // ---- new device ---------------------------------------------------------------------------------------

    @Test
    void newDeviceOnlyForABrowserNeverSeenForThatUser() {
        assertTrue(nodeA().create(aSession().browserId("laptop").build(), SessionLimit.unlimited(), T0).newDevice());
        assertFalse(nodeB().create(aSession().browserId("laptop").build(), SessionLimit.unlimited(), T0).newDevice());
        assertTrue(nodeA().create(aSession().browserId("phone").build(), SessionLimit.unlimited(), T0).newDevice());
        assertTrue(nodeA().create(aSession().ownedBy("bob").browserId("laptop").build(), SessionLimit.unlimited(), T0)
                .newDevice());
        assertTrue(nodeA().create(aSession().build(), SessionLimit.unlimited(), T0).newDevice(),
                "without a browser id every login counts as new");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** How many of a user's sessions are usable at an instant: the total of an active-only search. */
    protected static long countActive(SessionStore store, String userId, Instant now) {
        return store.search(SessionSearch.activeOf(userId), now, PageRequest.first(1)).total();
    }

    /** A page of a user's login history. */
    protected static Page<SessionRecord> history(SessionStore store, String userId, PageRequest page) {
        return store.search(SessionSearch.historyOf(userId), T0, page);
    }

    private EndReason reasonOf(SessionId id) {
        return nodeB().findById(id).orElseThrow().ending().orElseThrow().reason();
    }

    private List<SessionId> searchIds(SessionSearch search, Instant now) {
        return nodeB().search(search, now, PageRequest.first(50)).items().stream().map(SessionRecord::id).toList();
    }

    private static Set<SessionId> ids(List<SessionRecord> sessions) {
        return Set.copyOf(sessions.stream().map(SessionRecord::id).toList());
    }

    /** Starts every task at the same moment on its own thread and returns their results in order. */
    protected static <T> List<T> runAllAtOnce(List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(tasks.size(), 64));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("a concurrent task failed", e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The reason a validation failed, or null when it did not. */
    private static InvalidReason invalidReason(ValidationResult result) {
        return result instanceof ValidationResult.Invalid invalid ? invalid.reason() : null;
    }
}
