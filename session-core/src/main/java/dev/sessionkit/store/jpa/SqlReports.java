package dev.sessionkit.store.jpa;

import static dev.sessionkit.store.jpa.SessionRows.utc;

import dev.sessionkit.store.DeviceField;
import dev.sessionkit.store.DurationSummary;
import dev.sessionkit.store.TimeBucket;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The store's aggregates, each answered by a fixed number of SQL statements (COUNT, AVG, GROUP BY) whatever the
 * number of rows: JPQL where it is portable, native SQL with a dialect expression for time arithmetic.
 */
final class SqlReports {

    private final Transactions tx;
    private final SqlDialect dialect;

    SqlReports(Transactions tx, SqlDialect dialect) {
        this.tx = tx;
        this.dialect = dialect;
    }

    long countAll(String userId) {
        return tx.read("count a user's sessions", em -> em
                .createQuery(SessionSql.COUNT_OF_USER, Long.class)
                .setParameter("user", userId).getSingleResult());
    }

    Map<String, Long> countByDevice(Optional<String> userId, Optional<Instant> activeAt, DeviceField field) {
        String attribute = switch (field) {
            case TYPE -> "s.deviceType";
            case BROWSER -> "s.browser";
            case OS -> "s.os";
        };
        StringBuilder where = new StringBuilder();
        userId.ifPresent(u -> where.append(SessionSql.BY_USER));
        activeAt.ifPresent(a -> where.append(SessionSql.ONLY_USABLE));
        return tx.read("count sessions by device", em -> {
            var query = em.createQuery(String.format(Locale.ROOT, SessionSql.COUNT_BY_DEVICE,
                    attribute, where), Object[].class);
            userId.ifPresent(u -> query.setParameter("user", u));
            activeAt.ifPresent(a -> query.setParameter("now", utc(a)));
            return byCountDescending(query.getResultList());
        });
    }

    Map<String, Long> countEndsByReason(Instant endedSince) {
        return tx.read("count ends by reason", em -> byCountDescending(em
                .createQuery(SessionSql.COUNT_ENDS_BY_REASON, Object[].class)
                .setParameter("since", utc(endedSince))
                .getResultList()));
    }

    DurationSummary durations(String userId) {
        String seconds = dialect.epochSeconds("ended_at") + " - " + dialect.epochSeconds("created_at");
        return tx.read("summarise session durations", em -> {
            Object[] countAndMean = (Object[]) em.createNativeQuery(String.format(Locale.ROOT,
                    SessionSql.DURATION_COUNT_AND_MEAN, seconds))
                    .setParameter(1, userId).getSingleResult();
            long count = ((Number) countAndMean[0]).longValue();
            if (count == 0) {
                return DurationSummary.empty();
            }
            Duration mean = seconds(((Number) countAndMean[1]).doubleValue());
            // The median is the middle row (or the mean of the two middle rows) of the durations in order.
            List<?> middle = em.createNativeQuery(String.format(Locale.ROOT, SessionSql.DURATION_MIDDLE, seconds))
                    .setParameter(1, userId)
                    .setParameter(2, count % 2 == 0 ? 2 : 1)
                    .setParameter(3, (count - 1) / 2)
                    .getResultList();
            double median = middle.stream().mapToDouble(d -> ((Number) d).doubleValue()).average().orElse(0);
            return new DurationSummary(count, Optional.of(mean), Optional.of(seconds(median)));
        });
    }

    Map<Instant, Long> loginsPer(Optional<String> userId, Instant since, TimeBucket bucket) {
        return perBucket("created_at", userId.isPresent() ? SessionSql.NATIVE_BY_USER : "", since, userId, bucket);
    }

    Map<Instant, Long> endsPer(Instant since, TimeBucket bucket) {
        return perBucket("ended_at", SessionSql.NATIVE_ONLY_ENDED, since, Optional.empty(), bucket);
    }

    private Map<Instant, Long> perBucket(String column, String extraWhere, Instant since, Optional<String> userId,
            TimeBucket bucket) {
        // The bucket width is an enum constant, not input, so it is safe to inline; it must match in SELECT and
        // GROUP BY for PostgreSQL to accept the grouping.
        String bucketExpression = "FLOOR(" + dialect.epochSeconds(column) + " / " + bucket.seconds() + ")";
        return tx.read("count per " + bucket.name().toLowerCase(Locale.ROOT), em -> {
            Query query = em.createNativeQuery(String.format(Locale.ROOT, SessionSql.COUNT_PER_BUCKET,
                    bucketExpression, column, extraWhere));
            query.setParameter(1, utc(since));
            userId.ifPresent(u -> query.setParameter(2, u));
            Map<Instant, Long> counts = new TreeMap<>();
            for (Object row : query.getResultList()) {
                Object[] columns = (Object[]) row;
                long index = ((Number) columns[0]).longValue();
                counts.put(Instant.ofEpochSecond(index * bucket.seconds()), ((Number) columns[1]).longValue());
            }
            return counts;
        });
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static Map<String, Long> byCountDescending(List<Object[]> rows) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        rows.stream()
                .map(row -> Map.entry((String) row[0], ((Number) row[1]).longValue()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }
}
