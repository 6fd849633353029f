package dev.sessionkit.service;

import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.session.SessionStatus;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.store.SessionSearch;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The administrators' emergency action: end every active session of every user but the one asking (after a breach,
 * or before a maintenance window). One transaction per user, as {@link SessionService#endAllOfUser} does, so no
 * transaction holds many users' rows; every end is recorded and announced like any other.
 */
public final class SignOutEveryone {

    /** Active sessions read per round; each round ends their users' sessions. */
    static final int BATCH = 200;

    private final SessionQueries queries;
    private final SessionService service;

    /**
     * Works through the given queries and service.
     *
     * @param queries finds the active sessions
     * @param service ends them
     */
    public SignOutEveryone(SessionQueries queries, SessionService service) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * Ends every active session except one.
     *
     * @param keep the session of the administrator asking, which goes on
     * @param reason the end reason, normally {@link EndReason#REVOKED_BY_ADMIN}
     * @return how many sessions ended
     */
    public int except(SessionRecord keep, EndReason reason) {
        SessionSearch active = new SessionSearch(Optional.empty(), Optional.of(SessionStatus.ACTIVE));
        Set<String> done = new HashSet<>();
        int ended = 0;
        int pageNumber = 0;
        while (true) {
            // Ended sessions leave the listing, so the same page fills with ones not yet seen; only a page of users
            // already done (the kept session, or sign-ins made meanwhile) moves the listing on.
            List<SessionRecord> page = queries.search(active, new PageRequest(pageNumber, BATCH)).items();
            List<String> users = page.stream().map(SessionRecord::userId).distinct()
                    .filter(user -> !done.contains(user)).toList();
            if (users.isEmpty()) {
                if (page.size() < BATCH) {
                    return ended;
                }
                pageNumber++;
                continue;
            }
            for (String user : users) {
                ended += user.equals(keep.userId()) ? service.endOthers(user, keep.id(), reason)
                        : service.endAllOfUser(user, reason);
                done.add(user);
            }
        }
    }
}
