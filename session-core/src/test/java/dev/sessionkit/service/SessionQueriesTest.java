package dev.sessionkit.service;

import static dev.sessionkit.testing.MutableClock.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.device.DeviceType;
import dev.sessionkit.policy.ExpiryPolicy;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.store.SessionSearch;
import dev.sessionkit.store.memory.InMemorySessionStore;
import dev.sessionkit.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionQueriesTest {

    private final MutableClock clock = MutableClock.atT0();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final SessionService service = SessionService.builder(store,
            new ExpiryPolicy(Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofMinutes(1))).clock(clock).build();
    private final SessionQueries queries = new SessionQueries(store, clock);
    private final SessionPrincipal alice = SessionPrincipal.of("alice");

    @Test
    void analyticsChartsThirtyZeroFilledDaysEndingToday() {
        service.login(alice, ClientInfo.unknown());
        clock.advance(Duration.ofDays(2));
        IssuedSession second = service.login(alice, ClientInfo.unknown());
        clock.advance(Duration.ofMinutes(40));
        service.logout(second.token().reveal());

        UserAnalytics analytics = queries.analytics("alice");

        assertEquals(2, analytics.total());
        assertEquals(0, analytics.active(), "the first login went idle long ago");
        assertEquals(SessionQueries.ANALYTICS_DAYS, analytics.loginsPerDay().size());
        BucketCount today = analytics.loginsPerDay().get(SessionQueries.ANALYTICS_DAYS - 1);
        assertEquals(Instant.parse("2026-03-05T00:00:00Z"), today.start());
        assertEquals(1, today.count());
        assertEquals(1, analytics.loginsPerDay().get(SessionQueries.ANALYTICS_DAYS - 3).count());
        assertEquals(2, analytics.loginsPerDay().stream().mapToLong(BucketCount::count).sum());
        assertEquals(Map.of(DeviceType.UNKNOWN.wireName(), 2L), analytics.byDeviceType());
        assertEquals(Optional.of(Duration.ofMinutes(40)), analytics.durations().median());
    }

    @Test
    void statsCountActiveSessionsAndChartTheLastDayByHour() {
        IssuedSession a = service.login(alice, ClientInfo.unknown());
        service.login(SessionPrincipal.of("bob"), ClientInfo.unknown());
        clock.advance(Duration.ofMinutes(20));
        service.end(a.session().id(), EndReason.REVOKED_BY_ADMIN);

        GlobalStats stats = queries.stats();

        assertEquals(1, stats.active(), "bob's session is still active");
        assertEquals(SessionQueries.STATS_HOURS, stats.loginsPerHour().size());
        BucketCount currentHour = stats.loginsPerHour().get(SessionQueries.STATS_HOURS - 1);
        assertEquals(new BucketCount(T0, 2), currentHour);
        assertEquals(0, stats.loginsPerHour().get(0).count());
        assertEquals(new BucketCount(T0, 1), stats.endsPerHour().get(SessionQueries.STATS_HOURS - 1));
        assertEquals(Map.of("unknown", 1L), stats.activeByDeviceType());
        assertEquals(Map.of("revoked-by-admin", 1L), stats.endsByReason());
    }

    @Test
    void findOwnAnswersSomeoneElsesSessionLikeAnUnknownOne() {
        IssuedSession alices = service.login(alice, ClientInfo.unknown());
        assertEquals(Optional.empty(), queries.findOwn("bob", alices.session().id()));
        assertTrue(queries.findOwn("alice", alices.session().id()).isPresent());
        assertEquals(1, queries.search(SessionSearch.all(), PageRequest.first(10)).total());
    }
}
