package dev.sessionkit.store.jpa;

import static dev.sessionkit.store.jpa.SessionRows.instant;
import static dev.sessionkit.store.jpa.SessionRows.utc;

import dev.sessionkit.remember.RememberSeries;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.store.RememberMeStore;
import dev.sessionkit.token.TokenHash;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Remembered devices in {@code sessionkit_remember_series}, and the sessions each started in
 * {@code sessionkit_remember_session}. A rotation is one conditional update, so two nodes never both rotate.
 */
final class JpaRememberMe implements RememberMeStore {

    private final Transactions tx;

    JpaRememberMe(Transactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public void create(RememberSeries series) {
        tx.write("remember a device", em -> {
            em.persist(toEntity(series));
            return 1;
        });
    }

    @Override
    public Optional<RememberSeries> find(String selector) {
        return tx.read("find a remembered device", em -> Optional.ofNullable(
                em.find(RememberSeriesEntity.class, selector)).map(JpaRememberMe::toSeries));
    }

    @Override
    public boolean rotate(String selector, TokenHash expected, TokenHash next, Instant at) {
        return tx.write("rotate a remembered device", em -> em.createQuery(RememberSql.ROTATE)
                .setParameter("next", next.hex())
                .setParameter("expected", expected.hex())
                .setParameter("at", utc(at))
                .setParameter("selector", selector)
                .executeUpdate() == 1);
    }

    @Override
    public void link(String selector, SessionId session) {
        tx.write("link a session to its remembered device", em -> {
            if (em.find(RememberSeriesEntity.class, selector) == null) {
                return 0; // forgotten meanwhile: nothing to end the session with later
            }
            RememberLinkEntity link = new RememberLinkEntity();
            link.sessionId = session.value();
            link.selector = selector;
            em.merge(link);
            return 1;
        });
    }

    @Override
    public List<SessionId> sessionsOf(String selector) {
        return tx.read("list a remembered device's sessions", em -> em
                .createQuery(RememberSql.SESSIONS_OF, String.class)
                .setParameter("selector", selector)
                .getResultList().stream().map(SessionId::new).toList());
    }

    @Override
    public Optional<String> seriesOf(SessionId session) {
        return tx.read("find a session's remembered device", em -> Optional.ofNullable(
                em.find(RememberLinkEntity.class, session.value())).map(link -> link.selector));
    }

    @Override
    public List<RememberSeries> listOfUser(String userId) {
        return tx.read("list a user's remembered devices", em -> em
                .createQuery(RememberSql.OF_USER, RememberSeriesEntity.class)
                .setParameter("user", userId)
                .getResultList().stream().map(JpaRememberMe::toSeries).toList());
    }

    @Override
    public boolean delete(String selector) {
        return tx.write("forget a remembered device", em -> deleteAll(em, List.of(selector)) == 1);
    }

    @Override
    public int deleteAll(Optional<String> except, int batchSize) {
        // No selector is 1 character long, so "" excludes nothing.
        return tx.write("forget every remembered device", em -> deleteAll(em, em
                .createQuery(RememberSql.ALL_BUT, String.class)
                .setParameter("except", except.orElse(""))
                .setMaxResults(batchSize)
                .getResultList()));
    }

    @Override
    public int purgeExpired(Instant now, int batchSize) {
        return tx.write("purge expired remembered devices", em -> deleteAll(em, em
                .createQuery(RememberSql.EXPIRED, String.class)
                .setParameter("now", utc(now))
                .setMaxResults(batchSize)
                .getResultList()));
    }

    private static int deleteAll(EntityManager em, List<String> selectors) {
        if (selectors.isEmpty()) {
            return 0;
        }
        em.createQuery(RememberSql.DELETE_LINKS).setParameter("selectors", selectors).executeUpdate();
        return em.createQuery(RememberSql.DELETE_SERIES).setParameter("selectors", selectors).executeUpdate();
    }

    private static RememberSeriesEntity toEntity(RememberSeries series) {
        RememberSeriesEntity e = new RememberSeriesEntity();
        e.selector = series.selector();
        e.userId = series.principal().userId();
        e.username = series.principal().username();
        e.roles = String.join(",", series.principal().roles());
        e.validatorHash = series.validatorHash().hex();
        e.previousValidatorHash = series.previousValidatorHash().map(TokenHash::hex).orElse(null);
        e.rotatedAt = utc(series.rotatedAt());
        e.createdAt = utc(series.createdAt());
        e.expiresAt = utc(series.expiresAt());
        e.device = series.device();
        return e;
    }

    private static RememberSeries toSeries(RememberSeriesEntity e) {
        Set<String> roles = e.roles.isEmpty() ? Set.of()
                : Arrays.stream(e.roles.split(",")).collect(Collectors.toUnmodifiableSet());
        return new RememberSeries(e.selector, new SessionPrincipal(e.userId, e.username, roles),
                new TokenHash(e.validatorHash), Optional.ofNullable(e.previousValidatorHash).map(TokenHash::new),
                instant(e.rotatedAt), instant(e.createdAt), instant(e.expiresAt), e.device);
    }
}
