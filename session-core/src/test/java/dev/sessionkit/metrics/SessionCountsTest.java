package dev.sessionkit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.service.IssuedSession;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.store.SessionReports;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The counters behind the meters and the MBean, on the JPA store over embedded H2. */
class SessionCountsTest {

    @Test
    void countsWhenSignInsValidationsAndEndsThenEachCountedOnceAndTheActiveCountFromTheStore() {
        try (Sessionkit sessionkit = Sessionkit.builder(SessionkitSettings.builder()
                .jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").schema(SchemaMode.CREATE)
                .build()).build()) {
            SessionCounts counts = sessionkit.counts();
            IssuedSession alice = sessionkit.service().login(new SessionPrincipal("alice", "alice", Set.of()),
                    ClientInfo.unknown());
            sessionkit.service().login(new SessionPrincipal("bob", "bob", Set.of()), ClientInfo.unknown());
            sessionkit.service().validate(alice.token().reveal());
            sessionkit.service().validate("not a token");
            sessionkit.service().logout(alice.token().reveal());
            sessionkit.service().validate(alice.token().reveal());
            assertEquals(-1, counts.active(), "not counted yet");
            try (var store = dev.sessionkit.store.jpa.JpaSessionStores.open(sessionkit.settings().jdbcUrl(), "sa", "",
                    SchemaMode.VALIDATE)) {
                new ActiveCount((SessionReports) store, Clock.systemUTC(), counts).run();
            }

            assertEquals(2, counts.created());
            assertEquals(1, counts.validations("valid"));
            assertEquals(1, counts.validations("unknown"));
            assertEquals(1, counts.validations("ended"));
            assertEquals(1, counts.ended(EndReason.LOGOUT));
            assertEquals(1, counts.active(), "bob's");
            SessionkitStats jmx = new SessionkitStats(counts);
            assertEquals(2, jmx.getSessionsCreated());
            assertEquals(1, jmx.getSessionsEnded());
            assertEquals(1, jmx.getValidationsValid());
            assertEquals(2, jmx.getValidationsRefused());
            assertEquals(1, jmx.getSessionsActive());
        }
    }
}
