package dev.sessionkit.servlet;

import dev.sessionkit.security.EventAction;
import dev.sessionkit.service.ValidationResult;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.SessionRecord;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * The filter's work on one request: an excluded path goes on as it is; otherwise the presented token is validated
 * (or a container login handed to adoption) and the request goes on as the session's user, or is refused with a
 * 401 problem or a redirect to {@code login-path}. Never lets a request through unchecked: a store that cannot answer
 * throws, and the filter answers 503.
 */
final class RequestAuthenticator {

    private final SessionkitRuntime runtime;
    private final PathRules paths;

    RequestAuthenticator(SessionkitRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.paths = new PathRules(runtime.web());
    }

    /** Authenticates the request and runs the rest of the chain, or answers it. */
    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal containerUser = runtime.adoption().isPresent() ? request.getUserPrincipal() : null;
        if (paths.isExcluded(request)) {
            passOn(request, request, response, chain, containerUser);
            return;
        }
        HttpServletRequest authenticated = authenticate(request, response, containerUser);
        if (authenticated != null) {
            passOn(request, authenticated, response, chain, containerUser);
        }
    }

    /**
     * Runs the app; when it ended the container login during the request ({@code request.logout()}), the tracked
     * session of that login ends with it, at once.
     */
    private void passOn(HttpServletRequest request, HttpServletRequest toApp, HttpServletResponse response,
            FilterChain chain, Principal containerUser) throws IOException, ServletException {
        // Named before the app runs: after a logout the request no longer says who was signed in, or how.
        Optional<LoginKey> before = containerUser == null ? Optional.empty()
                : runtime.adoption().map(adoption -> adoption.keyOf(request, containerUser));
        chain.doFilter(toApp, response);
        if (before.isPresent() && request.getUserPrincipal() == null) {
            runtime.adoption().orElseThrow().containerLoggedOut(before.get(), request, response,
                    SessionLogin.current(request));
        }
    }

    /** Returns the request to pass on, or null when this method already answered. */
    private HttpServletRequest authenticate(HttpServletRequest request, HttpServletResponse response,
            Principal containerUser) throws IOException {
        PresentedToken presented = runtime.tokens().read(request);
        if (presented instanceof PresentedToken.Refused refused) {
            return anonymousOrDeny(request, response, true, "Your session cookie is not valid (" + refused.why()
                    + "). Sign in again.");
        }
        if (containerUser != null) {
            return adopted(request, response,
                    runtime.adoption().orElseThrow().authenticate(request, response, containerUser, presented));
        }
        if (presented instanceof PresentedToken.Absent) {
            return rememberedOrDeny(request, response, false, "Sign in to continue.");
        }
        String token = ((PresentedToken.Present) presented).value();
        ValidationResult result = runtime.sessionkit().service().validate(token);
        if (result instanceof ValidationResult.Valid valid) {
            // Once per touch interval per session: a country or browser switch mid-session is recorded, and when the
            // policy ends the session for it, this request is refused with it.
            if (valid.touched() && runtime.sessionkit().security().drift()
                    .check(valid.session(), runtime.clientInfo(request))
                    .filter(event -> event.action().compareTo(EventAction.END_SESSION) >= 0).isPresent()) {
                deny(request, response, true, "Your session has ended. Sign in again.");
                return null;
            }
            return expose(request, valid.session(), runtime.adoption().isPresent());
        }
        if (result instanceof ValidationResult.Invalid invalid && invalid.ended().isPresent()) {
            // An ended token sent again: a copy in another browser is a stolen cookie (recorded once, acted on).
            ClientInfo client = runtime.clientInfo(request);
            runtime.sessionkit().security().replays().presented(invalid.ended().get(), client.ipAddress(),
                    client.browserId());
        }
        return rememberedOrDeny(request, response, true, "Your session has ended. Sign in again.");
    }

    /** Without a valid session: a remembered device starts a new one, or the request is refused. */
    private HttpServletRequest rememberedOrDeny(HttpServletRequest request, HttpServletResponse response,
            boolean clearToken, String detail) throws IOException {
        Optional<SessionRecord> resumed = runtime.remembered().resume(request, response);
        if (resumed.isPresent()) {
            return expose(request, resumed.get(), runtime.adoption().isPresent());
        }
        return anonymousOrDeny(request, response, clearToken, detail);
    }

    /** On a public path the request goes on without a user (a bad cookie is still cleared); elsewhere refused. */
    private HttpServletRequest anonymousOrDeny(HttpServletRequest request, HttpServletResponse response,
            boolean clearToken, String detail) throws IOException {
        if (paths.isPublic(request)) {
            if (clearToken) {
                runtime.tokens().clear(response);
            }
            return request;
        }
        deny(request, response, clearToken, detail);
        return null;
    }

    /** Carries out what adoption decided for a request with a container login. */
    private HttpServletRequest adopted(HttpServletRequest request, HttpServletResponse response,
            AdoptionOutcome outcome) throws IOException {
        if (outcome instanceof AdoptionOutcome.Pass pass) {
            if (pass.clearCookie()) {
                runtime.tokens().clear(response);
            }
            return expose(request, pass.session(), true);
        }
        if (outcome instanceof AdoptionOutcome.Refuse refuse) {
            deny(request, response, refuse.clearCookie(), refuse.detail());
        }
        return null;
    }

    private static HttpServletRequest expose(HttpServletRequest request, SessionRecord session,
            boolean containerRoles) {
        request.setAttribute(SessionFilter.SESSION_ATTRIBUTE, session);
        return new AuthenticatedRequest(request, new SessionkitPrincipal(session), containerRoles);
    }

    private void deny(HttpServletRequest request, HttpServletResponse response, boolean clearToken, String detail)
            throws IOException {
        if (clearToken) {
            runtime.tokens().clear(response);
        }
        var loginPath = runtime.web().loginPath();
        if (loginPath.isPresent() && RequestKind.of(request) == RequestKind.BROWSER) {
            response.setHeader("Cache-Control", "no-store");
            response.setStatus(302);
            response.setHeader("Location", request.getContextPath() + loginPath.get());
            return;
        }
        Problems.write(response, 401, "Unauthorized", detail);
    }
}
