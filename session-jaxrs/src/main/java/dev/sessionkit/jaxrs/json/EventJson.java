package dev.sessionkit.jaxrs.json;

import dev.sessionkit.security.RiskSignal;
import dev.sessionkit.security.SecurityEvent;
import dev.sessionkit.security.EventType;
import dev.sessionkit.session.SessionId;
import java.util.List;
import java.util.Set;

/**
 * One security event as the API shows it. Never carries a token, hash, password or cookie value; ids are public
 * ids. {@code userId}, {@code sessionId} and {@code location} are null when unknown.
 *
 * @param id the public id, usable in {@code POST /sessions/events/{id}/report}
 * @param at when it happened, ISO-8601 in UTC
 * @param type what happened: an OWASP Logging Vocabulary name such as {@code authn_login_success}, or a Sessionkit
 *     one such as {@code risk_new_device}
 * @param outcome {@code success} or {@code failure}
 * @param userId the account, when known
 * @param sessionId the public id of the session concerned
 * @param ip the client address
 * @param device a short summary such as {@code Firefox on Windows}
 * @param location where the address is
 * @param signals the risk signals that fired, e.g. {@code new-country}
 * @param action what Sessionkit did, e.g. {@code notify} or {@code end-all-sessions}
 * @param detail a short qualifier, e.g. an end reason
 * @param alert whether the account's owner is told of it
 * @param reportable whether this is the event to say "this wasn't me" about: a sign-in that started a session (its
 *     risk signal events name the same session and are not offered again)
 */
public record EventJson(String id, String at, String type, String outcome, String userId, String sessionId,
        String ip, String device, LocationJson location, List<String> signals, String action, String detail,
        boolean alert, boolean reportable) {

    private static final Set<EventType> SIGN_INS = Set.of(EventType.AUTHN_LOGIN_SUCCESS,
            EventType.AUTHN_LOGIN_SUCCESSAFTERFAIL);

    /**
     * Shapes an event for the API.
     *
     * @param event the event
     * @return the JSON shape
     */
    public static EventJson of(SecurityEvent event) {
        return new EventJson(event.id().value(), event.at().toString(), event.type().wireName(),
                event.outcome().wireName(), event.userId().orElse(null),
                event.sessionId().map(SessionId::value).orElse(null), event.ipAddress(), event.device(),
                event.location().map(LocationJson::of).orElse(null),
                event.signals().stream().map(RiskSignal::wireName).toList(), event.action().wireName(),
                event.detail(), event.isAlert(),
                SIGN_INS.contains(event.type()) && event.sessionId().isPresent());
    }
}
