package dev.sessionkit.store.jpa;

import static dev.sessionkit.store.jpa.SessionRows.utc;

import dev.sessionkit.security.EventId;
import dev.sessionkit.security.EventSearch;
import dev.sessionkit.security.EventType;
import dev.sessionkit.security.SecurityEvent;
import dev.sessionkit.store.Page;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.store.SecurityEventStore;
import dev.sessionkit.store.SessionStoreUnavailableException;
import dev.sessionkit.store.TimeBucket;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The security event log in {@code sessionkit_security_event}: appended, read by index, purged in batches. */
final class JpaSecurityEvents implements SecurityEventStore {

    private static final List<String> SIGN_IN_TYPES = List.of(EventType.AUTHN_LOGIN_SUCCESS.wireName(),
            EventType.AUTHN_LOGIN_SUCCESSAFTERFAIL.wireName());

    private final Transactions tx;

    private final SqlDialect dialect;

    JpaSecurityEvents(Transactions tx, SqlDialect dialect) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    @Override
    public void record(List<SecurityEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        tx.write("record " + events.size() + " security events", em -> {
            events.forEach(event -> em.persist(SecurityEventRows.toEntity(event)));
            return events.size();
        });
    }

    @Override
    public boolean recordIfAbsent(SecurityEvent event) {
        try {
            return tx.write("record a security event once", em -> {
                if (em.find(SecurityEventEntity.class, event.id().value()) != null) {
                    return false;
                }
                em.persist(SecurityEventRows.toEntity(event));
                em.flush();
                return true;
            });
        } catch (SessionStoreUnavailableException e) {
            // Another node recorded it between our look and our insert: its primary key refused ours.
            if (find(event.id()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<SecurityEvent> find(EventId id) {
        return tx.read("find a security event", em -> Optional.ofNullable(
                em.find(SecurityEventEntity.class, id.value())).map(SecurityEventRows::toEvent));
    }

    @Override
    public Page<SecurityEvent> search(EventSearch search, PageRequest page) {
        String where = search.userId().map(u -> SecuritySql.BY_USER).orElse("")
                + search.type().map(t -> SecuritySql.BY_TYPE).orElse("");
        return tx.read("list security events", em -> {
            TypedQuery<SecurityEventEntity> rows = filtered(em.createQuery(String.format(SecuritySql.EVENTS, where),
                    SecurityEventEntity.class), search);
            TypedQuery<Long> total = filtered(em.createQuery(String.format(SecuritySql.COUNT_EVENTS, where),
                    Long.class), search);
            List<SecurityEvent> items = rows.setFirstResult(page.offset()).setMaxResults(page.size())
                    .getResultList().stream().map(SecurityEventRows::toEvent).toList();
            return new Page<>(items, page, total.getSingleResult());
        });
    }

    private static <T> TypedQuery<T> filtered(TypedQuery<T> query, EventSearch search) {
        search.userId().ifPresent(u -> query.setParameter("user", u));
        search.type().ifPresent(t -> query.setParameter("type", t.wireName()));
        return query;
    }

    @Override
    public List<SecurityEvent> recentSignIns(String userId, int limit) {
        return tx.read("read a user's recent sign-ins", em -> em
                .createQuery(SecuritySql.RECENT_SIGN_INS, SecurityEventEntity.class)
                .setParameter("user", userId)
                .setParameter("types", SIGN_IN_TYPES)
                .setMaxResults(limit)
                .getResultList().stream().map(SecurityEventRows::toEvent).toList());
    }

    @Override
    public long count(Set<EventType> types, Instant from, Instant until) {
        if (types.isEmpty()) {
            return 0;
        }
        return tx.read("count security events", em -> em.createQuery(SecuritySql.COUNT_OF_TYPES, Long.class)
                .setParameter("types", types.stream().map(EventType::wireName).toList())
                .setParameter("from", utc(from))
                .setParameter("until", utc(until))
                .getSingleResult());
    }

    @Override
    public Map<Instant, Long> countPer(Set<EventType> types, Instant since, TimeBucket bucket) {
        if (types.isEmpty()) {
            return Map.of();
        }
        // Both parts are enum-derived: the bucket width and the type names; nothing a caller typed is inlined.
        String bucketExpression = "FLOOR(" + dialect.epochSeconds("occurred_at") + " / " + bucket.seconds() + ")";
        String names = types.stream().map(t -> "'" + t.wireName() + "'").sorted().collect(Collectors.joining(", "));
        return tx.read("count security events per " + bucket.name().toLowerCase(Locale.ROOT), em -> {
            Map<Instant, Long> counts = new TreeMap<>();
            for (Object row : em.createNativeQuery(String.format(Locale.ROOT, SecuritySql.COUNT_PER_BUCKET,
                    bucketExpression, names)).setParameter(1, utc(since)).getResultList()) {
                Object[] columns = (Object[]) row;
                counts.put(Instant.ofEpochSecond(((Number) columns[0]).longValue() * bucket.seconds()),
                        ((Number) columns[1]).longValue());
            }
            return counts;
        });
    }

    @Override
    public int purgeBefore(Instant before, int batchSize) {
        return tx.write("purge old security events", em -> deleteBatch(em, em
                .createQuery(SecuritySql.EVENTS_BEFORE, String.class)
                .setParameter("before", utc(before))
                .setMaxResults(batchSize)
                .getResultList(), SecuritySql.DELETE_EVENTS));
    }

    /** Deletes the rows of one purge batch by id; shared with the failure purge. */
    static int deleteBatch(EntityManager em, List<String> ids, String delete) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery(delete).setParameter("ids", ids).executeUpdate();
    }
}
