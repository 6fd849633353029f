package dev.sessionkit.servlet;

import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Ends a Sessionkit session adopted from a container login (FORM) when the container's {@code HttpSession} ends:
 * the app's own logout ({@code session.invalidate()}) or the container's session timeout then signs the user out
 * of Sessionkit too. Registered by the jar's {@code web-fragment.xml}; it does nothing for sessions it did not
 * adopt, and it filters nothing.
 */
public final class ContainerSessionListener implements HttpSessionListener {

    /** HttpSession attribute naming the public id of the Sessionkit session adopted from this container login. */
    public static final String ADOPTED_SESSION = "dev.sessionkit.adopted-session";

    private static final System.Logger LOG = System.getLogger(ContainerSessionListener.class.getName());

    /** Creates the listener; containers instantiate it from the web fragment. */
    public ContainerSessionListener() {
        // stateless
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        Object adopted;
        try {
            adopted = session.getAttribute(ADOPTED_SESSION);
        } catch (IllegalStateException invalidated) {
            // Some containers refuse attribute reads during destruction; then there is nothing we can map.
            return;
        }
        if (!(adopted instanceof String id)) {
            return;
        }
        ServletContext context = session.getServletContext();
        if (!(context.getAttribute(SessionkitRuntime.ATTRIBUTE) instanceof SessionkitRuntime runtime)) {
            return;
        }
        SessionId.parse(id).ifPresent(sessionId -> {
            try {
                runtime.sessionkit().service().end(sessionId, EndReason.LOGOUT);
            } catch (RuntimeException e) {
                // The container session is gone either way; the Sessionkit session expires by itself later.
                LOG.log(System.Logger.Level.WARNING, "Could not end adopted session " + id + ": "
                        + CredentialRedactor.redactText(e.getMessage()));
            }
        });
    }
}
