package dev.sessionkit.servlet;

import dev.sessionkit.security.AttemptDecision;
import dev.sessionkit.security.ReauthenticationRequiredException;
import dev.sessionkit.security.SecurityMonitoring;
import dev.sessionkit.security.SignIn;
import dev.sessionkit.service.IssuedSession;
import dev.sessionkit.service.SessionService;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.SessionLimitReachedException;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

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
        return login(request, response, principal, LoginOptions.password());
    }

    /**
     * Starts a new session as {@link #login(HttpServletRequest, HttpServletResponse, SessionPrincipal)}, recording
     * how the user proved who they are (e.g. {@code LoginOptions.method("webauthn").level(2)}).
     *
     * @param request the login request
     * @param response its response, which receives the cookie
     * @param principal who signed in
     * @param options the method and assurance level
     * @return the new session
     */
    public SessionRecord login(HttpServletRequest request, HttpServletResponse response, SessionPrincipal principal,
            LoginOptions options) {
        Objects.requireNonNull(principal, "principal");
        runtime.web().crossSiteLogin().refuseIfCrossSite(request, "sign-in");
        presentedToken(request).ifPresent(service()::logout);
        SignIn signIn = security().signIns().signIn(principal, runtime.clientInfo(request, response),
                options.method(), options.level());
        if (signIn.blocked()) {
            runtime.tokens().clear(response);
            throw new SignInBlockedException(signIn.signals());
        }
        IssuedSession issued = signIn.issued();
        runtime.tokens().issue(response, issued.token());
        if (options.rememberDevice()) {
            runtime.remembered().remember(response, issued.session());
        }
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
        runtime.web().crossSiteLogin().refuseIfCrossSite(request, "sign-out");
        boolean ended = presentedToken(request).map(service()::logout).orElse(false);
        runtime.tokens().clear(response);
        runtime.remembered().forgetThisDevice(request, response);
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
        Optional<SessionRecord> before = current(request);
        Optional<IssuedSession> rotated = presentedToken(request).flatMap(service()::rotate);
        rotated.ifPresent(issued -> {
            before.ifPresent(old -> runtime.remembered().carriedOver(old, issued.session()));
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
     *     {@code sessionkit().signOutEverywhere(userId, EndReason.PASSWORD_CHANGED)}
     * @throws dev.sessionkit.store.SessionStoreUnavailableException when the store cannot answer
     */
    public OthersEnded endOthers(HttpServletRequest request, HttpServletResponse response) {
        return UserSignOuts.endOthers(this, runtime.sessionkit(), presentedToken(request), request, response);
    }

    void clearCookie(HttpServletResponse response) {
        runtime.tokens().clear(response);
    }

    RememberedDevices remembered() {
        return runtime.remembered();
    }

    /**
     * After the app checked the user's password again (a step-up): renews this browser's session with a fresh token
     * that is "recent" for {@link #requireRecentAuthentication}, and sets its cookie (hence the response: a token
     * seen before the proof never gains its privilege).
     *
     * @param request the request carrying the current cookie
     * @param response its response, which receives the new cookie
     * @param method how the credential was proved, e.g. {@code password}
     * @return the renewed session, or empty when the current one was not valid
     */
    public Optional<SessionRecord> reauthenticated(HttpServletRequest request, HttpServletResponse response,
            String method) {
        Optional<IssuedSession> renewed = presentedToken(request)
                .flatMap(token -> security().signIns().reauthenticate(token, method, OptionalInt.empty()));
        renewed.ifPresent(issued -> {
            current(request).ifPresent(old -> runtime.remembered().carriedOver(old, issued.session()));
            runtime.tokens().issue(response, issued.token());
            request.setAttribute(SessionFilter.SESSION_ATTRIBUTE, issued.session());
        });
        return renewed.map(IssuedSession::session);
    }

    /**
     * Refuses a sensitive action unless this request's session proved a credential no longer ago than
     * {@code maxAge} (a remembered device's never did). The filter answers the exception with 403
     * {@code application/problem+json}, {@code type} ending in {@code reauthentication-required}.
     *
     * @param request a request behind the filter
     * @param maxAge the oldest proof accepted
     * @throws ReauthenticationRequiredException when the user must confirm their password first, also when the
     *     request has no session at all
     */
    public void requireRecentAuthentication(HttpServletRequest request, Duration maxAge) {
        SessionRecord session = current(request).orElseThrow(() -> new ReauthenticationRequiredException(maxAge));
        security().stepUp().require(session, maxAge);
    }

    /**
     * Ends every session of this browser's user, this one included, and clears the cookie ("sign out everywhere").
     *
     * @param request the request carrying the current cookie
     * @param response its response
     * @return how many sessions were ended; 0 when the current session was not valid
     */
    public int endAll(HttpServletRequest request, HttpServletResponse response) {
        return UserSignOuts.endAll(this, runtime.sessionkit(), request, response);
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
