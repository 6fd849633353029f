package dev.sessionkit.security;

import static dev.sessionkit.testing.MutableClock.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.service.BucketCount;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.store.memory.InMemorySecurityEvents;
import dev.sessionkit.testing.MutableClock;
import dev.sessionkit.testing.SecurityEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityQueriesTest {

    private final InMemorySecurityEvents events = new InMemorySecurityEvents();
    private final MutableClock clock = new MutableClock(T0.plus(Duration.ofMinutes(30)));
    private final SecurityQueries queries = new SecurityQueries(events, clock);

    @Test
    void statsWhenAlertsAndFailuresThenCountedPerHourOverTheLastDayOnly() {
        Instant now = clock.instant();
        events.record(List.of(
                SecurityEvents.bare(EventType.RISK_NEW_COUNTRY, Optional.of("a"), now.minusSeconds(60)),
                SecurityEvents.bare(EventType.SESSION_USE_AFTER_EXPIRE, Optional.of("a"), now.minusSeconds(3600)),
                SecurityEvents.bare(EventType.AUTHN_LOGIN_FAIL, Optional.empty(), now.minusSeconds(10)),
                SecurityEvents.bare(EventType.AUTHN_LOGIN_FAIL, Optional.of("b"), now.minusSeconds(20)),
                SecurityEvents.bare(EventType.AUTHN_LOGIN_FAIL, Optional.of("b"), now.minus(Duration.ofDays(2))),
                SecurityEvents.bare(EventType.SESSION_LOGOUT, Optional.of("a"), now)));

        SecurityStats stats = queries.stats();

        assertEquals(2, stats.alertsLastDay());
        assertEquals(2, stats.failedSignInsLastDay());
        assertEquals(24, stats.alertsPerHour().size());
        assertEquals(new BucketCount(T0, 1), stats.alertsPerHour().get(23));
        assertEquals(new BucketCount(T0.minusSeconds(3600), 1), stats.alertsPerHour().get(22));
        assertEquals(new BucketCount(T0, 2), stats.failedSignInsPerHour().get(23));
        assertEquals(2, stats.failedSignInsPerHour().stream().mapToLong(BucketCount::count).sum());
    }

    @Test
    void findOwnWhenAnotherUsersEventThenEmpty() {
        SecurityEvent alices = SecurityEvents.signIn("alice", T0);
        events.record(List.of(alices));

        assertEquals(Optional.of(alices), queries.findOwn("alice", alices.id()));
        assertEquals(Optional.empty(), queries.findOwn("bob", alices.id()));
        assertEquals(1, queries.activity("alice", PageRequest.first(10)).total());
        assertEquals(0, queries.activity("bob", PageRequest.first(10)).total());
    }
}
