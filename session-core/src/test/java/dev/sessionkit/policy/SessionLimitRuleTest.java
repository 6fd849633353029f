package dev.sessionkit.policy;

import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.MaxSessionsPolicy;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The max-sessions rule on plain values: what ends, why, in which order, and when a login is refused. */
class SessionLimitRuleTest {

    private static final Instant T0 = MutableClock.T0;
    private static final SessionLimit EVICT_TWO = new SessionLimit(2, MaxSessionsPolicy.EVICT_OLDEST);
    private static final SessionLimit REJECT_TWO = new SessionLimit(2, MaxSessionsPolicy.REJECT);

    @Test
    void withoutALimitNothingEndsWhateverTheUserHolds() {
        List<SessionRecord> many = sessionsCreatedMinutesApart(50);

        SessionLimitRule.Plan plan = SessionLimitRule.plan(SessionLimit.unlimited(), many, T0.plusSeconds(3600));

        assertEquals(new SessionLimitRule.Plan(false, List.of()), plan);
    }

    @Test
    void belowTheLimitNothingEnds() {
        assertEquals(new SessionLimitRule.Plan(false, List.of()),
                SessionLimitRule.plan(EVICT_TWO, sessionsCreatedMinutesApart(1), T0.plusSeconds(600)));
    }

    @Test
    void atTheLimitTheOldestUsableSessionIsEvictedWhateverTheInputOrder() {
        List<SessionRecord> three = sessionsCreatedMinutesApart(3);
        List<SessionRecord> shuffled = new ArrayList<>(three);
        Collections.reverse(shuffled);

        SessionLimitRule.Plan plan = SessionLimitRule.plan(EVICT_TWO, shuffled, T0.plusSeconds(600));

        assertEquals(List.of(new SessionLimitRule.Ends(EndReason.EVICTED_BY_LIMIT, three.subList(0, 2))),
                plan.ends(), "two of three go so that the new login makes two");
    }

    @Test
    void expiredSessionsEndAsExpiredFirstAndHoldNoPlace() {
        Instant now = T0.plus(Duration.ofHours(2));
        SessionRecord idle = aSession().createdAt(T0).idleTimeout(Duration.ofMinutes(30)).build();
        SessionRecord absolute = aSession().createdAt(T0.plusSeconds(60)).absoluteTimeout(Duration.ofHours(1))
                .idleTimeout(Duration.ofHours(5)).build();
        SessionRecord fresh = aSession().createdAt(now.minusSeconds(10)).build();

        SessionLimitRule.Plan plan = SessionLimitRule.plan(EVICT_TWO, List.of(fresh, idle, absolute), now);

        assertEquals(List.of(new SessionLimitRule.Ends(EndReason.EXPIRED_ABSOLUTE, List.of(absolute)),
                new SessionLimitRule.Ends(EndReason.EXPIRED_IDLE, List.of(idle))), plan.ends(),
                "one usable session plus the new login is within two: nothing is evicted");
    }

    @Test
    void rejectRefusesTheLoginAndEndsNothingNotEvenTheExpired() {
        Instant now = T0.plus(Duration.ofHours(2));
        SessionRecord expired = aSession().createdAt(T0).idleTimeout(Duration.ofMinutes(30)).build();
        List<SessionRecord> usable = List.of(aSession().createdAt(now.minusSeconds(20)).build(),
                aSession().createdAt(now.minusSeconds(10)).build());
        List<SessionRecord> all = new ArrayList<>(usable);
        all.add(expired);

        assertEquals(new SessionLimitRule.Plan(true, List.of()), SessionLimitRule.plan(REJECT_TWO, all, now));
        assertEquals(List.of(new SessionLimitRule.Ends(EndReason.EXPIRED_IDLE, List.of(expired))),
                SessionLimitRule.plan(REJECT_TWO, List.of(expired, usable.get(0)), now).ends(),
                "with room left, reject still ends the expired ones");
    }

    @Test
    void sessionsCreatedAtTheSameInstantAreEvictedByIdOrderOnEveryCall() {
        List<SessionRecord> twins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            twins.add(aSession().createdAt(T0).build());
        }
        List<SessionRecord> byId = twins.stream().sorted((a, b) -> a.id().value().compareTo(b.id().value())).toList();

        for (int round = 0; round < 5; round++) {
            Collections.shuffle(twins);
            assertEquals(byId.subList(0, 3),
                    SessionLimitRule.plan(EVICT_TWO, twins, T0.plusSeconds(5)).ends().get(0).sessions());
        }
    }

    @Test
    void endedSessionsInTheInputAreIgnored() {
        List<SessionRecord> three = sessionsCreatedMinutesApart(3);
        SessionRecord ended = three.get(0).withEnding(new dev.sessionkit.session.Ending(T0.plusSeconds(1),
                EndReason.LOGOUT));

        SessionLimitRule.Plan plan = SessionLimitRule.plan(EVICT_TWO, List.of(ended, three.get(1), three.get(2)),
                T0.plusSeconds(600));

        assertEquals(List.of(three.get(1)), plan.ends().get(0).sessions());
        assertTrue(plan.ends().stream().allMatch(e -> !e.sessions().isEmpty()), "no empty group");
    }

    private static List<SessionRecord> sessionsCreatedMinutesApart(int count) {
        List<SessionRecord> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sessions.add(aSession().createdAt(T0.plusSeconds(60L * i)).build());
        }
        return sessions;
    }
}
