package dev.sessionkit.policy;

import dev.sessionkit.config.MaxSessionsPolicy;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The max-sessions rule, written once for every store: given a user's active sessions (read under the store's
 * per-user lock) and the moment of a new login, which of them end and why, or whether the login is refused. Pure:
 * the store applies the plan in its own transaction, so a third-party store enforces the same rule by calling it.
 *
 * <p>Sessions already past a deadline end first as {@code expired-absolute} or {@code expired-idle} (they hold no
 * place); then, if the user would still exceed the limit, the oldest usable ones end as {@code evicted-by-limit},
 * or with {@code max-sessions-policy=reject} the login is refused and nothing ends. Ties on the creation instant are
 * broken by the public id, so every store and every node picks the same session.
 */
public final class SessionLimitRule {

    private static final Comparator<SessionRecord> OLDEST_FIRST = Comparator.comparing(SessionRecord::createdAt)
            .thenComparing(s -> s.id().value());

    private SessionLimitRule() {
    }

    /**
     * Plans the room a new login needs.
     *
     * @param limit the limit in force
     * @param activeOfUser the user's sessions with status active, in any order
     * @param now the login's instant
     * @return the ends to apply, in order, or a refusal
     */
    public static Plan plan(SessionLimit limit, Collection<SessionRecord> activeOfUser, Instant now) {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(now, "now");
        if (!limit.isLimited()) {
            return new Plan(false, List.of());
        }
        List<SessionRecord> sorted = activeOfUser.stream().filter(SessionRecord::isActive).sorted(OLDEST_FIRST)
                .toList();
        List<Ends> ends = new ArrayList<>(3);
        for (EndReason expiry : List.of(EndReason.EXPIRED_ABSOLUTE, EndReason.EXPIRED_IDLE)) {
            add(ends, expiry, sorted.stream().filter(s -> s.expiryAt(now).filter(expiry::equals).isPresent())
                    .toList());
        }
        List<SessionRecord> usable = sorted.stream().filter(s -> !s.isExpiredAt(now)).toList();
        int excess = usable.size() - limit.maxPerUser() + 1;
        if (excess > 0 && limit.policy() == MaxSessionsPolicy.REJECT) {
            return new Plan(true, List.of());
        }
        if (excess > 0) {
            add(ends, EndReason.EVICTED_BY_LIMIT, usable.subList(0, excess));
        }
        return new Plan(false, ends);
    }

    private static void add(List<Ends> ends, EndReason reason, List<SessionRecord> sessions) {
        if (!sessions.isEmpty()) {
            ends.add(new Ends(reason, sessions));
        }
    }

    /**
     * What a login needs: the sessions to end, grouped by reason in the order to apply them, or a refusal.
     *
     * @param rejected true when the policy refuses the login (then {@code ends} is empty)
     * @param ends the groups of sessions to end, none empty
     */
    public record Plan(boolean rejected, List<Ends> ends) {
        /**
         * Copies the groups.
         *
         * @param rejected see the record description
         * @param ends see the record description
         */
        public Plan {
            ends = List.copyOf(ends);
            if (rejected && !ends.isEmpty()) {
                throw new IllegalArgumentException("a refused login ends nothing");
            }
        }
    }

    /**
     * Sessions that end for one reason.
     *
     * @param reason why they end
     * @param sessions the sessions, oldest first
     */
    public record Ends(EndReason reason, List<SessionRecord> sessions) {
        /**
         * Copies the sessions.
         *
         * @param reason see the record description
         * @param sessions see the record description
         */
        public Ends {
            Objects.requireNonNull(reason, "reason");
            sessions = List.copyOf(sessions);
        }
    }
}
