package dev.sessionkit.servlet;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.service.IssuedSession;
import dev.sessionkit.session.Authentication;
import dev.sessionkit.service.ValidationResult;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.SessionLimitReachedException;
import dev.sessionkit.token.SessionToken;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * {@code adopt-container-login}: tracks each container login (FORM, BASIC) as its own Sessionkit session, and
 * keeps the two ending together, whichever ends first and wherever the end comes from.
 *
 * <p>The link is Sessionkit's own ({@link ContainerLogins}), never an {@code HttpSession} attribute. Per request
 * the question is whether this is a new container login (adopt it: a new session and token) or the continuation
 * of one already adopted (it is then only ever that session; when that one has ended, the container login is
 * ended too and the request refused). A login Sessionkit did not see begin is continued only for a browser that
 * presents its valid cookie; otherwise it is ended: unknown means no.
 */
final class ContainerLoginAdoption {

    private static final System.Logger LOG = System.getLogger(ContainerLoginAdoption.class.getName());
    private static final String ENDED = "Your session has ended. Sign in again.";

    private final Sessionkit sessionkit;
    private final SessionCookies cookies;
    private final BiFunction<HttpServletRequest, HttpServletResponse, ClientInfo> clients;
    private final ContainerLogins logins = new ContainerLogins();
    private final LoginKey.Deriver keys;
    private final Clock containerClock;

    /**
     * @param clients describes a request's client at adoption (and sets the browser-id cookie)
     * @param containerClock the clock the container's session timestamps are read against
     */
    ContainerLoginAdoption(Sessionkit sessionkit, SessionCookies cookies,
            BiFunction<HttpServletRequest, HttpServletResponse, ClientInfo> clients, SecureRandom random,
            Clock containerClock) {
        this.sessionkit = sessionkit;
        this.cookies = cookies;
        this.clients = clients;
        this.keys = new LoginKey.Deriver(random);
        this.containerClock = containerClock;
    }

    /** What the browser's session cookie says about this container login. */
    private sealed interface Presented {
        /** No cookie. */
        record None() implements Presented {
        }

        /** A valid session of this user. */
        record Valid(SessionRecord session) implements Presented {
        }

        /** An ended (or expired) session of this user: the login it came from must not go on. */
        record EndedOwn() implements Presented {
        }

        /** Nobody's session, or another user's (now ended): says nothing about this login; cleared. */
        record Foreign() implements Presented {
        }
    }

    /**
     * Decides a request the container says {@code user} is signed in for.
     *
     * @param cookie the session cookie, absent or present (a refused one never gets here)
     */
    AdoptionOutcome authenticate(HttpServletRequest request, HttpServletResponse response, Principal user,
            PresentedToken cookie) throws IOException {
        Presented presented = present(cookie, user);
        LoginKey key = keyOf(request, user);
        Optional<ContainerLogins.State> state = logins.state(key);
        if (state.isEmpty()) {
            return notSeenBegin(request, key, presented);
        }
        if (state.get() instanceof ContainerLogins.Bound bound) {
            return continueBound(request, key, bound.session(), presented);
        }
        ContainerLogins.Open open = (ContainerLogins.Open) state.get();
        synchronized (open) {
            // Parallel first requests of one new login: one adopts, the others continue what it bound.
            if (logins.current(key).orElse(null) instanceof ContainerLogins.Bound bound) {
                return continueBound(request, key, bound.session(), presented);
            }
            return openLogin(request, response, user, key, presented);
        }
    }

    private AdoptionOutcome continueBound(HttpServletRequest request, LoginKey key, SessionId bound,
            Presented presented) {
        if (presented instanceof Presented.Valid valid) {
            if (!valid.session().id().equals(bound)) {
                // The app rotated the token (SessionLogin.rotate / endOthers): the login goes on as the new one.
                logins.bind(key, valid.session().id());
            }
            return new AdoptionOutcome.Pass(valid.session(), false);
        }
        if (!(presented instanceof Presented.EndedOwn)
                && sessionkit.service().validate(bound) instanceof ValidationResult.Valid valid) {
            // A browser that does not return the cookie: still this one session, never a new one per request.
            return new AdoptionOutcome.Pass(valid.session(), presented instanceof Presented.Foreign);
        }
        // The session this login was adopted into has ended (revoked, signed out, expired; here or elsewhere).
        endContainerLogin(request, key);
        return new AdoptionOutcome.Refuse(!(presented instanceof Presented.None), ENDED);
    }

    private AdoptionOutcome openLogin(HttpServletRequest request, HttpServletResponse response, Principal user,
            LoginKey key, Presented presented) throws IOException {
        if (!key.inContainerSession()) {
            // Credentials sent with every request mark no moment of login: a valid cookie continues its session,
            // and the cookie of an ended one refuses this request once, as a revoked cookie always is.
            if (presented instanceof Presented.Valid valid) {
                logins.bind(key, valid.session().id());
                return new AdoptionOutcome.Pass(valid.session(), false);
            }
            if (presented instanceof Presented.EndedOwn) {
                return new AdoptionOutcome.Refuse(true, ENDED);
            }
        } else if (presented instanceof Presented.Valid valid) {
            // A new container login: always a new token, never the session of an earlier one.
            sessionkit.service().end(valid.session().id(), EndReason.LOGOUT);
        }
        return adopt(request, response, user, key);
    }

    private AdoptionOutcome notSeenBegin(HttpServletRequest request, LoginKey key, Presented presented) {
        if (presented instanceof Presented.Valid valid) {
            // Begun before this start or on another node, and this browser shows its valid session: go on with it.
            logins.bind(key, valid.session().id());
            return new AdoptionOutcome.Pass(valid.session(), false);
        }
        // Expected once per login after a restart; if no sign-in was ever reported, the listener is likely missing.
        LOG.log(logins.idChangeSeen() ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                "Ending a container login whose start Sessionkit did not see (it began before this start or on"
                + " another node, or " + ContainerSessionListener.class.getName() + " is not registered) and whose"
                + " browser shows no valid session");
        endContainerLogin(request, key);
        return new AdoptionOutcome.Refuse(!(presented instanceof Presented.None), ENDED);
    }

    private AdoptionOutcome adopt(HttpServletRequest request, HttpServletResponse response, Principal user,
            LoginKey key) throws IOException {
        try {
            // Monitored like any sign-in, and recorded as the container's: a re-authentication check knows how.
            IssuedSession issued = sessionkit.security().signIns().signIn(
                    new SessionPrincipal(user.getName(), user.getName(), Set.of()), clients.apply(request, response),
                    Authentication.CONTAINER, java.util.OptionalInt.empty()).issued();
            cookies.issue(response, issued.token());
            logins.bind(key, issued.session().id());
            return new AdoptionOutcome.Pass(issued.session(), false);
        } catch (SessionLimitReachedException e) {
            endContainerLogin(request, key);
            Problems.write(response, 403, "Too Many Sessions", e.getMessage());
            return new AdoptionOutcome.Answered();
        }
    }

    private Presented present(PresentedToken cookie, Principal user) {
        if (!(cookie instanceof PresentedToken.Present present)) {
            return new Presented.None();
        }
        ValidationResult result = sessionkit.service().validate(present.value());
        if (result instanceof ValidationResult.Valid valid) {
            if (valid.session().userId().equals(user.getName())) {
                return new Presented.Valid(valid.session());
            }
            // The container now says someone else is signed in: the old session must not speak for them.
            sessionkit.service().end(valid.session().id(), EndReason.LOGOUT);
            return new Presented.Foreign();
        }
        boolean own = SessionToken.parse(present.value())
                .flatMap(token -> sessionkit.store().findByTokenHash(token.hash()))
                .filter(session -> session.userId().equals(user.getName()))
                .isPresent();
        return own ? new Presented.EndedOwn() : new Presented.Foreign();
    }

    /** Names the container login a request carries for {@code user}. */
    LoginKey keyOf(HttpServletRequest request, Principal user) {
        return keys.of(request, user, cookies.readBrowserId(request));
    }

    /**
     * The app ended the container login during this request ({@code request.logout()}): its tracked session ends
     * at once, and a later login in the same container session is a new one.
     *
     * @param key the login the request carried before it reached the app
     * @param exposed the tracked session the request ran as, if any
     */
    void containerLoggedOut(LoginKey key, HttpServletRequest request, HttpServletResponse response,
            Optional<SessionRecord> exposed) {
        Optional<SessionId> bound = logins.forget(key);
        bound.ifPresent(id -> sessionkit.service().end(id, EndReason.LOGOUT));
        exposed.ifPresent(session -> sessionkit.service().end(session.id(), EndReason.LOGOUT));
        if ((bound.isPresent() || exposed.isPresent()) && !response.isCommitted()) {
            cookies.clear(response);
        }
    }

    /** The container gave one of its sessions a new id (at sign-in, or the app's {@code changeSessionId}). */
    void containerSessionIdChanged(String oldId, String newId) {
        logins.idChanged(oldId, newId);
    }

    /** The container's session ended (invalidated or timed out): its login's tracked session ends at once. */
    void containerSessionEnded(HttpSession session) {
        logins.containerSessionEnded(session.getId()).ifPresent(id -> {
            EndReason reason = timedOut(session) ? EndReason.EXPIRED_IDLE : EndReason.LOGOUT;
            try {
                sessionkit.service().end(id, reason);
            } catch (RuntimeException e) {
                // Nothing to answer here: the container session is gone either way, and with it the link, so any
                // later request of this browser is refused; the tracked session expires by itself.
                LOG.log(System.Logger.Level.WARNING, "Could not end adopted session " + id + ": "
                        + CredentialRedactor.redactText(e.getMessage()));
            }
        });
    }

    private boolean timedOut(HttpSession session) {
        try {
            int maxInactive = session.getMaxInactiveInterval();
            return maxInactive > 0
                    && containerClock.millis() - session.getLastAccessedTime() >= maxInactive * 1000L;
        } catch (IllegalStateException invalidated) {
            // Some containers refuse reads while destroying; then it counts as a logout.
            return false;
        }
    }

    /** Ends the container's login: its session (if any) and the request's authentication. */
    private void endContainerLogin(HttpServletRequest request, LoginKey key) {
        logins.forget(key).ifPresent(id -> sessionkit.service().end(id, EndReason.LOGOUT));
        HttpSession containerSession = request.getSession(false);
        if (containerSession != null) {
            try {
                containerSession.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // Another request invalidated it a moment ago: the outcome we wanted.
                LOG.log(System.Logger.Level.DEBUG, "Container session was already invalid");
            }
        }
        try {
            request.logout();
        } catch (ServletException e) {
            LOG.log(System.Logger.Level.WARNING, "Container logout failed: " + e.getMessage());
        }
    }
}
