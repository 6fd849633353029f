package dev.sessionkit.store.jpa;

import static dev.sessionkit.store.jpa.SessionRows.utc;

import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.session.SessionStatus;
import dev.sessionkit.store.Page;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.store.SessionOrder;
import dev.sessionkit.store.SessionSearch;
import dev.sessionkit.token.TokenHash;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;

/** The store's listings, as JPQL: a user's devices, and the search behind history, counts and the admin list. */
final class SessionListings {

    private final Transactions tx;

    SessionListings(Transactions tx) {
        this.tx = tx;
    }

    List<SessionRecord> listActive(String userId, Instant now) {
        return tx.read("list a user's sessions", em -> em
                .createQuery(SessionSql.LIST_USABLE_OF_USER, SessionEntity.class)
                .setParameter("user", userId)
                .setParameter("now", utc(now))
                .getResultList().stream().map(SessionRows::toRecord).toList());
    }

    Page<SessionRecord> search(SessionSearch search, Instant now, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        search.userId().ifPresent(u -> where.append(SessionSql.BY_USER));
        search.status().ifPresent(status -> where.append(status == SessionStatus.ACTIVE
                ? SessionSql.ONLY_USABLE : SessionSql.ONLY_ENDED));
        return tx.read("search sessions", em -> {
            TypedQuery<Long> count = em.createQuery(SessionSql.SEARCH_COUNT + where, Long.class);
            TypedQuery<SessionEntity> items = em.createQuery(SessionSql.SEARCH + where
                    + orderBy(search.order()), SessionEntity.class);
            search.userId().ifPresent(u -> {
                count.setParameter("user", u);
                items.setParameter("user", u);
            });
            if (search.status().filter(SessionStatus.ACTIVE::equals).isPresent()) {
                count.setParameter("now", utc(now));
                items.setParameter("now", utc(now));
            }
            List<SessionRecord> records = items.setFirstResult(page.offset()).setMaxResults(page.size())
                    .getResultList().stream().map(SessionRows::toRecord).toList();
            return new Page<>(records, page, count.getSingleResult());
        });
    }

    private static String orderBy(SessionOrder order) {
        return switch (order) {
            case NEWEST_LOGIN -> SessionSql.NEWEST_LOGIN_FIRST;
            case RECENTLY_ENDED -> SessionSql.RECENTLY_ENDED_FIRST;
        };
    }

    /** Whether the user has signed in from this browser before, inside the caller's transaction. */
    static boolean browserSeenBefore(EntityManager em, String userId, TokenHash browserIdHash) {
        return !em.createQuery(SessionSql.BROWSER_SEEN_BEFORE, String.class)
                .setParameter("user", userId)
                .setParameter("browser", browserIdHash.hex())
                .setMaxResults(1)
                .getResultList().isEmpty();
    }
}
