package dev.sessionkit.store;

import static dev.sessionkit.testing.MutableClock.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.remember.RememberSeries;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.token.TokenHash;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link RememberMeStore} must do, written by one node and read by the other where the store offers
 * two. Each test uses users and selectors of its own, so the store need not be emptied between tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RememberMeStoreContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The store a test writes through. */
    protected abstract RememberMeStore writer();

    /** The store a test reads through: another node on the same data, or the writer itself. */
    protected abstract RememberMeStore reader();

    private static String user() {
        return "u-" + UUID.randomUUID();
    }

    private static String selector() {
        return SessionId.random(RANDOM).value();
    }

    private static RememberSeries series(String user, Instant createdAt) {
        return new RememberSeries(selector(), new SessionPrincipal(user, user.toUpperCase(java.util.Locale.ROOT),
                Set.of("user", "sessionkit-admin")), TokenHash.ofSecret("v-" + UUID.randomUUID()), Optional.empty(),
                createdAt, createdAt, createdAt.plus(Duration.ofDays(30)), "Firefox 128 on Linux");
    }

    @Test
    void createThenFindReturnsEveryField() {
        RememberSeries created = series(user(), T0);

        writer().create(created);

        assertEquals(Optional.of(created), reader().find(created.selector()));
        assertEquals(Optional.empty(), reader().find(selector()));
    }

    @Test
    void rotateWhenTheExpectedValidatorIsCurrentThenOnlyTheFirstOfTwoRotates() {
        RememberSeries created = series(user(), T0);
        writer().create(created);
        TokenHash first = TokenHash.ofSecret("first");
        TokenHash second = TokenHash.ofSecret("second");

        boolean one = writer().rotate(created.selector(), created.validatorHash(), first, T0.plusSeconds(10));
        boolean two = reader().rotate(created.selector(), created.validatorHash(), second, T0.plusSeconds(11));

        assertTrue(one);
        assertFalse(two, "the other request saw the same validator, but it is no longer current");
        RememberSeries rotated = reader().find(created.selector()).orElseThrow();
        assertEquals(first, rotated.validatorHash());
        assertEquals(Optional.of(created.validatorHash()), rotated.previousValidatorHash());
        assertEquals(T0.plusSeconds(10), rotated.rotatedAt());
        assertEquals(created.expiresAt(), rotated.expiresAt(), "rotation never extends the lifetime");
    }

    @Test
    void linkWhenSessionsStartedThenListedAndFoundBothWays() {
        RememberSeries created = series(user(), T0);
        writer().create(created);
        SessionId a = SessionId.random(RANDOM);
        SessionId b = SessionId.random(RANDOM);

        writer().link(created.selector(), a);
        writer().link(created.selector(), b);

        assertEquals(Set.of(a, b), Set.copyOf(reader().sessionsOf(created.selector())));
        assertEquals(Optional.of(created.selector()), reader().seriesOf(b));
        assertEquals(Optional.empty(), reader().seriesOf(SessionId.random(RANDOM)));
    }

    @Test
    void listOfUserWhenSeveralThenOnlyTheirsNewestFirst() {
        String user = user();
        RememberSeries older = series(user, T0);
        RememberSeries newer = series(user, T0.plusSeconds(60));
        writer().create(older);
        writer().create(newer);
        writer().create(series(user(), T0));

        assertEquals(List.of(newer, older), reader().listOfUser(user));
    }

    @Test
    void deleteWhenLinkedThenTheSeriesAndItsLinksGo() {
        RememberSeries created = series(user(), T0);
        writer().create(created);
        SessionId session = SessionId.random(RANDOM);
        writer().link(created.selector(), session);

        assertTrue(writer().delete(created.selector()));
        assertFalse(writer().delete(created.selector()), "gone already");

        assertEquals(Optional.empty(), reader().find(created.selector()));
        assertEquals(List.of(), reader().sessionsOf(created.selector()));
        assertEquals(Optional.empty(), reader().seriesOf(session));
    }

    @Test
    void deleteAllWhenOneIsKeptThenEveryOtherGoesInBatches() {
        RememberSeries kept = series(user(), T0);
        writer().create(kept);
        for (int i = 0; i < 4; i++) {
            writer().create(series(user(), T0));
        }

        int deleted = 0;
        int batch;
        while ((batch = writer().deleteAll(Optional.of(kept.selector()), 2)) > 0) {
            deleted += batch;
        }

        assertTrue(deleted >= 4, "at least the four made here: " + deleted);
        assertEquals(Optional.of(kept), reader().find(kept.selector()));
        assertEquals(List.of(kept), reader().listOfUser(kept.userId()));
        assertEquals(1, writer().deleteAll(Optional.empty(), 10), "without a kept one, it goes too");
    }

    @Test
    void purgeExpiredWhenSomePastTheirLifetimeThenOnlyThoseGoInBatches() {
        Instant ancient = T0.minus(Duration.ofDays(4000));
        String user = user();
        for (int i = 0; i < 3; i++) {
            writer().create(series(user, ancient.plusSeconds(i)));
        }
        RememberSeries live = series(user, T0);
        writer().create(live);

        int purged = 0;
        int batch;
        while ((batch = writer().purgeExpired(ancient.plus(Duration.ofDays(31)), 2)) > 0) {
            purged += batch;
        }

        assertEquals(3, purged);
        assertEquals(List.of(live), reader().listOfUser(user));
    }
}
