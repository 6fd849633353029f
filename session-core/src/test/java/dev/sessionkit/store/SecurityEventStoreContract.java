package dev.sessionkit.store;

import static dev.sessionkit.testing.MutableClock.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.security.EventId;
import dev.sessionkit.security.EventSearch;
import dev.sessionkit.security.EventType;
import dev.sessionkit.security.SecurityEvent;
import dev.sessionkit.testing.SecurityEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every {@link SecurityEventStore} must do; each test uses accounts of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SecurityEventStoreContract {

    /** The store under test; the same instance for the whole class. */
    protected abstract SecurityEventStore events();

    private static String user() {
        return "user-" + UUID.randomUUID();
    }

    @Test
    void findWhenRecordedThenEveryFieldComesBack() {
        SecurityEvent event = SecurityEvents.signIn(user(), T0);
        events().record(List.of(event));

        assertEquals(Optional.of(event), events().find(event.id()));
    }

    @Test
    void findWhenBareEventThenEmptyPartsComeBackEmpty() {
        SecurityEvent event = SecurityEvents.bare(EventType.AUTHN_LOGIN_FAIL, Optional.empty(), T0);
        events().record(List.of(event));

        assertEquals(Optional.of(event), events().find(event.id()));
    }

    @Test
    void recordIfAbsentWhenSameIdTwiceThenOnlyTheFirstKept() {
        String user = user();
        SecurityEvent first = SecurityEvents.signIn(user, T0);
        SecurityEvent second = new SecurityEvent(first.id(), T0.plusSeconds(1), EventType.SESSION_USE_AFTER_EXPIRE,
                first.outcome(), first.userId(), first.sessionId(), first.ipAddress(), first.device(),
                first.location(), first.point(), first.signals(), first.action(), first.detail());

        assertTrue(events().recordIfAbsent(first));
        assertFalse(events().recordIfAbsent(second));
        assertEquals(Optional.of(first), events().find(first.id()));
    }

    @Test
    void findWhenUnknownIdThenEmpty() {
        assertEquals(Optional.empty(), events().find(new EventId("AAAAAAAAAAAAAAAAAAAAAA")));
    }

    @Test
    void searchWhenUserThenOnlyTheirsNewestFirstInPages() {
        String user = user();
        List<SecurityEvent> recorded = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> recorded.add(SecurityEvents.signIn(user, T0.plusSeconds(i))));
        recorded.add(SecurityEvents.bare(EventType.SESSION_LOGOUT, Optional.of(user), T0.plusSeconds(10)));
        events().record(recorded);
        events().record(List.of(SecurityEvents.signIn(user(), T0.plusSeconds(3))));

        Page<SecurityEvent> first = events().search(EventSearch.ofUser(user), new PageRequest(0, 4));
        Page<SecurityEvent> second = events().search(EventSearch.ofUser(user), new PageRequest(1, 4));

        assertEquals(6, first.total());
        assertEquals(List.of(recorded.get(5), recorded.get(4), recorded.get(3), recorded.get(2)), first.items());
        assertEquals(List.of(recorded.get(1), recorded.get(0)), second.items());
        assertTrue(first.hasNext());
        assertFalse(second.hasNext());
    }

    @Test
    void searchWhenTypeAndUserThenBothFilter() {
        String user = user();
        SecurityEvent logout = SecurityEvents.bare(EventType.SESSION_LOGOUT, Optional.of(user), T0);
        events().record(List.of(SecurityEvents.signIn(user, T0), logout));

        Page<SecurityEvent> page = events().search(new EventSearch(Optional.of(user),
                Optional.of(EventType.SESSION_LOGOUT)), PageRequest.first(10));

        assertEquals(List.of(logout), page.items());
        assertEquals(1, page.total());
    }

    @Test
    void searchWhenSameInstantThenOrderStableAcrossPages() {
        String user = user();
        List<SecurityEvent> same = IntStream.range(0, 6).mapToObj(i -> SecurityEvents.signIn(user, T0)).toList();
        events().record(same);

        List<SecurityEvent> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(events().search(EventSearch.ofUser(user), new PageRequest(page, 2)).items());
        }

        assertEquals(Set.copyOf(same), Set.copyOf(paged));
        assertEquals(6, paged.size());
    }

    @Test
    void recentSignInsWhenMixedThenSuccessesOnlyNewestFirstUpToLimit() {
        String user = user();
        SecurityEvent older = SecurityEvents.signIn(user, T0);
        SecurityEvent newer = SecurityEvents.signIn(user, T0.plusSeconds(60));
        SecurityEvent newest = SecurityEvents.signIn(user, T0.plusSeconds(120));
        events().record(List.of(older, newer, newest,
                SecurityEvents.bare(EventType.AUTHN_LOGIN_FAIL, Optional.of(user), T0.plusSeconds(200))));

        assertEquals(List.of(newest, newer), events().recentSignIns(user, 2));
        assertEquals(List.of(), events().recentSignIns(user(), 5));
    }

    @Test
    void countWhenTypesAndSinceThenOnlyThoseCounted() {
        Instant base = T0.plus(Duration.ofDays(400));
        String user = user();
        events().record(List.of(SecurityEvents.bare(EventType.SESSION_USE_AFTER_EXPIRE, Optional.of(user), base),
                SecurityEvents.bare(EventType.SESSION_USE_AFTER_EXPIRE, Optional.of(user), base.plusSeconds(5)),
                SecurityEvents.bare(EventType.SESSION_USE_AFTER_EXPIRE, Optional.of(user), base.minusSeconds(5)),
                SecurityEvents.bare(EventType.SESSION_LOGOUT, Optional.of(user), base)));

        Instant later = base.plusSeconds(60);
        assertEquals(2, events().count(Set.of(EventType.SESSION_USE_AFTER_EXPIRE), base, later));
        assertEquals(3, events().count(Set.of(EventType.SESSION_USE_AFTER_EXPIRE, EventType.SESSION_LOGOUT), base,
                later));
        assertEquals(1, events().count(Set.of(EventType.SESSION_USE_AFTER_EXPIRE), base, base.plusSeconds(5)),
                "until is exclusive");
    }

    @Test
    void countPerWhenHoursThenCountedPerBucketFromSinceOn() {
        Instant hour = TimeBucket.HOUR.startOf(T0.plus(Duration.ofDays(800)));
        String user = user();
        events().record(List.of(SecurityEvents.bare(EventType.RISK_NEW_DEVICE, Optional.of(user), hour),
                SecurityEvents.bare(EventType.RISK_NEW_DEVICE, Optional.of(user), hour.plusSeconds(3599)),
                SecurityEvents.bare(EventType.AUTHN_IMPOSSIBLE_TRAVEL, Optional.of(user), hour.plusSeconds(7300)),
                SecurityEvents.bare(EventType.RISK_NEW_DEVICE, Optional.of(user), hour.minusSeconds(1)),
                SecurityEvents.bare(EventType.SESSION_LOGOUT, Optional.of(user), hour.plusSeconds(10))));

        Map<Instant, Long> counts = events().countPer(Set.of(EventType.RISK_NEW_DEVICE,
                EventType.AUTHN_IMPOSSIBLE_TRAVEL), hour, TimeBucket.HOUR);

        assertEquals(Map.of(hour, 2L, hour.plusSeconds(7200), 1L), counts);
    }

    @Test
    void purgeBeforeWhenOldAndNewThenOnlyOldGoInBatches() {
        Instant ancient = T0.minus(Duration.ofDays(2000));
        String user = user();
        List<SecurityEvent> old = IntStream.range(0, 5)
                .mapToObj(i -> SecurityEvents.signIn(user, ancient.plusSeconds(i))).toList();
        SecurityEvent kept = SecurityEvents.signIn(user, ancient.plus(Duration.ofDays(1)));
        events().record(old);
        events().record(List.of(kept));

        Instant cut = ancient.plus(Duration.ofHours(1));
        assertEquals(3, events().purgeBefore(cut, 3));
        assertEquals(2, events().purgeBefore(cut, 3));
        assertEquals(0, events().purgeBefore(cut, 3));
        assertEquals(List.of(kept), events().search(EventSearch.ofUser(user), PageRequest.first(10)).items());
    }
}
