package dev.sessionkit.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.policy.ExpiryPolicy;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.store.memory.InMemorySessionStore;
import dev.sessionkit.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignOutEveryoneTest {

    private final MutableClock clock = MutableClock.atT0();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final SessionService service = SessionService.builder(store, new ExpiryPolicy(Duration.ofMinutes(30),
            Duration.ofHours(8), Duration.ofMinutes(1))).clock(clock).build();
    private final SessionQueries queries = new SessionQueries(store, clock);

    private IssuedSession signIn(String user) {
        return service.login(new SessionPrincipal(user, user, Set.of()), ClientInfo.unknown());
    }

    @Test
    void exceptWhenMoreSessionsThanOneBatchThenEveryoneButTheAdminsOwnSessionEnds() {
        IssuedSession admin = signIn("root");
        IssuedSession adminsOther = signIn("root");
        List<IssuedSession> users = new ArrayList<>();
        for (int i = 0; i < SignOutEveryone.BATCH * 2 + 7; i++) {
            users.add(signIn("user" + i % 300));
        }

        int ended = new SignOutEveryone(queries, service).except(admin.session(), EndReason.REVOKED_BY_ADMIN);

        assertEquals(users.size() + 1, ended);
        assertTrue(service.validate(admin.token().reveal()).isValid(), "the admin's own session goes on");
        assertTrue(!service.validate(adminsOther.token().reveal()).isValid(), "the admin's other one ends");
        users.forEach(u -> assertTrue(!service.validate(u.token().reveal()).isValid()));
        assertEquals(EndReason.REVOKED_BY_ADMIN, queries.find(users.get(0).session().id()).orElseThrow().ending()
                .orElseThrow().reason());
    }
}
