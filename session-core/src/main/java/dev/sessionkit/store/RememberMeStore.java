package dev.sessionkit.store;

import dev.sessionkit.remember.RememberSeries;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.token.TokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The remembered devices ("keep me signed in" series) and the sessions each one started, shared by every node. A
 * store of its own next to {@link SessionStore}, so a session store need not know about it.
 *
 * <p>Implementations are thread-safe; every method may throw {@link SessionStoreUnavailableException}.
 */
public interface RememberMeStore {

    /**
     * Stores a new series.
     *
     * @param series the series; its selector is new
     */
    void create(RememberSeries series);

    /**
     * Finds a series by selector.
     *
     * @param selector the cookie's public half
     * @return the series, or empty when unknown or forgotten
     */
    Optional<RememberSeries> find(String selector);

    /**
     * Rotates a series' validator, only if its current validator is still the expected one, so that of two
     * requests presenting the same validator at once only one rotates.
     *
     * @param selector the series
     * @param expected the validator hash the caller checked
     * @param next the new validator's hash
     * @param at when
     * @return true when this call rotated
     */
    boolean rotate(String selector, TokenHash expected, TokenHash next, Instant at);

    /**
     * Records that a series started a session, so that ending the series can end the session.
     *
     * @param selector the series
     * @param session the session it started (or a session it carries on, after a rotation of the session)
     */
    void link(String selector, SessionId session);

    /**
     * Returns the sessions a series started, ended ones included.
     *
     * @param selector the series
     * @return their ids
     */
    List<SessionId> sessionsOf(String selector);

    /**
     * Finds the series that started a session.
     *
     * @param session the session
     * @return its selector, when a series started it
     */
    Optional<String> seriesOf(SessionId session);

    /**
     * Lists a user's series, newest first.
     *
     * @param userId the user
     * @return the series
     */
    List<RememberSeries> listOfUser(String userId);

    /**
     * Forgets a series and its links.
     *
     * @param selector the series
     * @return true when it existed
     */
    boolean delete(String selector);

    /**
     * Forgets every series but one, at most one batch per call: the administrators' "sign out everyone".
     *
     * @param except the series kept (the administrator's own device), when any
     * @param batchSize most series deleted by this call
     * @return how many were deleted; fewer than {@code batchSize} means none but the kept one remain
     */
    int deleteAll(Optional<String> except, int batchSize);

    /**
     * Deletes series past their expiry, at most one batch per call.
     *
     * @param now the present
     * @param batchSize most series deleted by this call
     * @return how many were deleted
     */
    int purgeExpired(Instant now, int batchSize);
}
