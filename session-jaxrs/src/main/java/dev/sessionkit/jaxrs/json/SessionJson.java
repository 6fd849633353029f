package dev.sessionkit.jaxrs.json;

import dev.sessionkit.session.Ending;
import dev.sessionkit.session.SessionRecord;
import java.time.Instant;

/**
 * One session as the API shows it. Never carries the token or its hash; the id is the public id. Times are
 * ISO-8601 strings in UTC; {@code endedAt} and {@code endReason} are null while the session is active, and
 * {@code location} is null when unknown.
 *
 * @param id the public id, usable in {@code DELETE /sessions/{id}}
 * @param userId the owner's user key
 * @param user the owner's name
 * @param status {@code active} or {@code ended}
 * @param created when the login happened
 * @param lastAccessed the last recorded activity (may lag by up to {@code touch-interval})
 * @param idleExpiresAt when the session ends unless used
 * @param expiresAt when the session ends whatever its use
 * @param endedAt when it ended
 * @param endReason why it ended, e.g. {@code revoked-by-user}
 * @param ip the client address at login
 * @param device device type, browser and OS
 * @param location where the address was at login
 * @param current true for the session making this request
 * @param authenticatedAt when the user last proved a credential in this session (sign-in or re-authentication)
 * @param authMethod how: {@code password}, {@code remember-me}, {@code container}, or the app's own name
 * @param remembered true when a remembered device ("keep me signed in") started or carries this session
 */
public record SessionJson(String id, String userId, String user, String status, String created, String lastAccessed,
        String idleExpiresAt, String expiresAt, String endedAt, String endReason, String ip, DeviceJson device,
        LocationJson location, boolean current, String authenticatedAt, String authMethod, boolean remembered) {

    /**
     * Shapes a session for the API.
     *
     * @param session the session
     * @param current whether it is the one making the request
     * @return the JSON shape
     */
    public static SessionJson of(SessionRecord session, boolean current) {
        return of(session, current, false);
    }

    /**
     * Shapes a session for the API, saying whether a remembered device carries it.
     *
     * @param session the session
     * @param current whether it is the one making the request
     * @param remembered whether a remembered device started or carries it
     * @return the JSON shape
     */
    public static SessionJson of(SessionRecord session, boolean current, boolean remembered) {
        return new SessionJson(session.id().value(), session.userId(), session.principal().username(),
                session.status().wireName(), iso(session.createdAt()), iso(session.lastAccessedAt()),
                iso(session.idleExpiresAt()), iso(session.absoluteExpiresAt()),
                session.ending().map(Ending::at).map(SessionJson::iso).orElse(null),
                session.ending().map(e -> e.reason().wireName()).orElse(null),
                session.ipAddress(),
                new DeviceJson(session.device().type().wireName(), session.device().browser(), session.device().os()),
                session.location().map(LocationJson::of).orElse(null),
                current, iso(session.authentication().at()), session.authentication().method(), remembered);
    }

    static String iso(Instant instant) {
        return instant.toString();
    }
}
