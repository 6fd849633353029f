package dev.sessionkit.store;

/** The order of a {@link SessionSearch}'s results; ties are broken by session id. */
public enum SessionOrder {
    /** Newest login first: the administrators' list. */
    NEWEST_LOGIN,
    /** Most recently ended first, for a search of ended sessions: a user's login history. */
    RECENTLY_ENDED
}
