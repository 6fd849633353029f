package dev.sessionkit.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Optional;

/**
 * Tells {@code adopt-container-login} what happens to the container's {@code HttpSession}s: a new id (which the
 * container gives a session when a user signs in, so the next login seen in it is adopted as a new session), and
 * the end of one (the app's {@code session.invalidate()}, a container logout that invalidates, or the session
 * timeout), which ends the tracked session adopted from its login at once: reason {@code logout}, or
 * {@code expired-idle} for a timeout. Registered by the jar's {@code web-fragment.xml}; it does nothing when
 * adoption is off, and it filters nothing.
 */
public final class ContainerSessionListener implements HttpSessionListener, HttpSessionIdListener {

    /** Creates the listener; containers instantiate it from the web fragment. */
    public ContainerSessionListener() {
        // stateless: the links live in the web app's Sessionkit runtime
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        HttpSession session = event.getSession();
        adoption(session.getServletContext())
                .ifPresent(adoption -> adoption.containerSessionIdChanged(oldSessionId, session.getId()));
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        adoption(session.getServletContext()).ifPresent(adoption -> adoption.containerSessionEnded(session));
    }

    private static Optional<ContainerLoginAdoption> adoption(ServletContext context) {
        return context.getAttribute(SessionkitRuntime.ATTRIBUTE) instanceof SessionkitRuntime runtime
                ? runtime.adoption() : Optional.empty();
    }
}
