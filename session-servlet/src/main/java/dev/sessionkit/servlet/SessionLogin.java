package dev.sessionkit.servlet;

import dev.sessionkit.security.AttemptDecision;
import dev.sessionkit.security.SecurityMonitoring;
import dev.sessionkit.security.SignIn;
import dev.sessionkit.service.IssuedSession;
import dev.sessionkit.service.ValidationResult;
import dev.sessionkit.service.SessionService;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.SessionLimitReachedException;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Objects;
import java.util.Optional;

/**
 * The one helper application code calls to sign users in and out. The app checks the password its own way, then:
 * <pre>{@code
 * SessionLogin.of(request.getServletContext())
 *         .login(request, response, new SessionPrincipal(user.id(), user.name(), user.roles()));
 * }</pre>
 * Every method sets or clears the cookie on the response itself. Thread-safe; works on paths the filter excludes
 * (the login page) as well as on filtered ones.
 *
 * <p>{@link #login} and {@link #logout} refuse a request that a browser marks as sent from another site (see
 * {@link RequestOrigin}) with {@link CrossSiteRequestRefusedException}, before anything changes, unless the setting
 * {@code cross-site-login} is {@code allow}: a cross-site form must not sign the browser into an attacker's account
 * (login CSRF) or out of the user's own.
 */
public final class SessionLogin {

    private final SessionkitRuntime runtime;

    private SessionLogin(SessionkitRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Returns the helper of a web app whose {@link SessionFilter} has started.
     *
     * @param context the web app's context
     * @return the helper
     * @throws IllegalStateException when no SessionFilter runs in this web app
     */
    public static SessionLogin of(ServletContext context) {
        return new SessionLogin(SessionkitRuntime.of(context));
    }

    /**
     * Starts a new session for a user who just proved who they are, and sets its cookie. Always a new token (no
     * fixation): a session this browser held before is ended, and the app's own {@code HttpSession}, if any, gets
     * a new id.
     *
     * @param request the login request
     * @param response its response, which receives the cookie
     * @param principal who signed in
     * @return the new session
     * @throws CrossSiteRequestRefusedException when a browser marks the request as sent from another site and
     *     {@code cross-site-login} is {@code refuse}; nothing changed
     * @throws SessionLimitReachedException when the user is at {@code max-sessions-per-user} and the policy rejects
     * @throws SignInBlockedException when the risk policy ended the new session at once; no cookie was set
     * @throws dev.sessionkit.store.SessionStoreUnavailableException when the store cannot answer
     */
    public SessionRecord login(HttpServletRequest request, HttpServletResponse response, SessionPrincipal principal) {
        Objects.requireNonNull(principal, "principal");
        refuseCrossSite(request, "sign-in");
        presentedToken(request).ifPresent(service()::logout);
        SignIn signIn = security().signIns().signIn(principal, runtime.clientInfo(request, response));
        if (signIn.blocked()) {
            runtime.tokens().clear(response);
            throw new SignInBlockedException(signIn.signals());
        }
        IssuedSession issued = signIn.issued();
        runtime.tokens().issue(response, issued.token());
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.setAttribute(SessionFilter.SESSION_ATTRIBUTE, issued.session());
        return issued.session();
    }

    /**
     * Asks, before checking a password, whether this attempt may be made: beyond the attempt limits answer 429 with
     * {@code Retry-After} and do not check the password. Counted per account and address, per address and per
     * account, across every node.
     *
     * @param request the sign-in request (its client address is resolved through {@code trusted-proxies})
     * @param username what the user typed as their name
     * @return allowed, or refused with the seconds to wait
     * @throws dev.sessionkit.store.SessionStoreUnavailableException when the counts cannot be read (fail closed:
     *     answer 503)
     */
    public AttemptDecision allowAttempt(HttpServletRequest request, String username) {
        return security().defence().allowAttempt(String.valueOf(username), runtime.clientInfo(request).ipAddress());
    }

    /**
     * Reports a failed password check for a name that is no account (or when the app does not say).
     *
     * @param request the sign-in request
     * @param username what the user typed as their name; only a hash of it is kept
     */
    public void failed(HttpServletRequest request, String username) {
        security().defence().failed(String.valueOf(username), Optional.empty(), runtime.clientInfo(request));
    }

    /**
     * Reports a failed password check for an existing account: its owner then sees the failure in their security
     * activity.
     *
     * @param request the sign-in request
     * @param username what the user typed as their name
     * @param userId the account's user id
     */
    public void failed(HttpServletRequest request, String username, String userId) {
        security().defence().failed(String.valueOf(username), Optional.of(userId), runtime.clientInfo(request));
    }

    /**
     * Ends this browser's session and clears its cookie; the app's own {@code HttpSession} is invalidated too.
     *
     * @param request the logout request
     * @param response its response
     * @return true when an active session was ended
     * @throws CrossSiteRequestRefusedException when a browser marks the request as sent from another site and
     *     {@code cross-site-login} is {@code refuse}; the session goes on and the cookie stays
     */
    public boolean logout(HttpServletRequest request, HttpServletResponse response) {
        refuseCrossSite(request, "sign-out");
        boolean ended = presentedToken(request).map(service()::logout).orElse(false);
        runtime.tokens().clear(response);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return ended;
    }

    /**
     * Replaces this browser's session by one with a fresh token (e.g. after a privilege change) and sets the new
     * cookie. The lifetime is not extended.
     *
     * @param request the request carrying the current cookie
     * @param response its response, which receives the new cookie
     * @return the new session, or empty when the current one was not valid
     */
    public Optional<SessionRecord> rotate(HttpServletRequest request, HttpServletResponse response) {
        Optional<IssuedSession> rotated = presentedToken(request).flatMap(service()::rotate);
        rotated.ifPresent(issued -> {
            runtime.tokens().issue(response, issued.token());
            request.setAttribute(SessionFilter.SESSION_ATTRIBUTE, issued.session());
        });
        return rotated.map(IssuedSession::session);
    }

    /**
     * After a password change: ends every other session of this user (reason {@code password-changed}), then
     * rotates this browser's token, so a stolen cookie of this session stops working too. The others end in every
     * case, also when this session was ended a moment earlier (by someone holding another session, during the
     * password check): then nothing of the user is left active, the cookie is cleared, and the result says so.
     *
     * @param request the request carrying the current cookie, normally one the {@link SessionFilter} authenticated
     * @param response its response, which receives the new cookie (or the cleared one)
     * @return how many sessions ended and whether this browser stays signed in; when the request carries no valid
     *     session at all nothing can be ended (0, false): end the user's sessions with
     *     {@code sessionkit().service().endAllOfUser(userId, EndReason.PASSWORD_CHANGED)}
     * @throws dev.sessionkit.store.SessionStoreUnavailableException when the store cannot answer
     */
    public OthersEnded endOthers(HttpServletRequest request, HttpServletResponse response) {
        Optional<SessionRecord> current = current(request).or(() -> presentedToken(request)
                .map(service()::validate)
                .flatMap(result -> result instanceof ValidationResult.Valid valid
                        ? Optional.of(valid.session()) : Optional.empty()));
        if (current.isEmpty()) {
            return new OthersEnded(0, false);
        }
        String userId = current.get().userId();
        security().signIns().passwordChanged(current.get());
        // Ending the others must not depend on this session still being valid: the user is known already.
        int ended = service().endOthers(userId, current.get().id(), EndReason.PASSWORD_CHANGED);
        if (rotate(request, response).isPresent()) {
            return new OthersEnded(ended, true);
        }
        // This session ended meanwhile, or was rotated by a copy of its cookie: leave nothing of the user active.
        ended += service().endAllOfUser(userId, EndReason.PASSWORD_CHANGED);
        runtime.tokens().clear(response);
        request.removeAttribute(SessionFilter.SESSION_ATTRIBUTE);
        return new OthersEnded(ended, false);
    }

    /**
     * Ends every session of this browser's user, this one included, and clears the cookie ("sign out everywhere").
     *
     * @param request the request carrying the current cookie
     * @param response its response
     * @return how many sessions were ended; 0 when the current session was not valid
     */
    public int endAll(HttpServletRequest request, HttpServletResponse response) {
        Optional<SessionRecord> current = current(request);
        int ended = current.map(session -> service().endAllOfUser(session.userId(), EndReason.REVOKED_BY_USER))
                .orElse(0);
        runtime.tokens().clear(response);
        return ended;
    }

    /**
     * Returns the running Sessionkit of this web app, for code that needs its services or queries directly
     * (such as the REST module).
     *
     * @return the instance the filter runs on
     */
    public dev.sessionkit.Sessionkit sessionkit() {
        return runtime.sessionkit();
    }

    /**
     * Returns the web settings the filter runs with (cookies, paths, admin role), for code that needs them, such
     * as the REST module's admin check.
     *
     * @return the settings the filter resolved or was given
     */
    public WebSettings webSettings() {
        return runtime.web();
    }

    /**
     * Returns the session that authenticated this request, if the filter found one.
     *
     * @param request a request behind the filter
     * @return the session
     */
    public static Optional<SessionRecord> current(HttpServletRequest request) {
        return request.getAttribute(SessionFilter.SESSION_ATTRIBUTE) instanceof SessionRecord session
                ? Optional.of(session) : Optional.empty();
    }

    /** Throws before anything changes when a browser marks the request as cross-site and the settings refuse it. */
    private void refuseCrossSite(HttpServletRequest request, String action) {
        if (runtime.web().crossSiteLogin() == CrossSiteLogin.ALLOW) {
            return;
        }
        RequestOrigin origin = RequestOrigin.of(request);
        if (origin.isCrossSite()) {
            throw new CrossSiteRequestRefusedException(action, origin);
        }
    }

    private SecurityMonitoring security() {
        return runtime.sessionkit().security();
    }

    private SessionService service() {
        return runtime.sessionkit().service();
    }

    private Optional<String> presentedToken(HttpServletRequest request) {
        return runtime.tokens().read(request) instanceof PresentedToken.Present present
                ? Optional.of(present.value()) : Optional.empty();
    }
}
