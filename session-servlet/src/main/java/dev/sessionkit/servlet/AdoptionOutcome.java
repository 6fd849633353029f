package dev.sessionkit.servlet;

import dev.sessionkit.session.SessionRecord;
import java.util.Objects;

/** What {@link ContainerLoginAdoption} decided for a request with a container login. */
sealed interface AdoptionOutcome {

    /**
     * Let the request through as this tracked session.
     *
     * @param session the tracked session of the container login
     * @param clearCookie whether the browser presented another session's cookie, to be cleared
     */
    record Pass(SessionRecord session, boolean clearCookie) implements AdoptionOutcome {
        public Pass {
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * Refuse the request like any request without a valid session (the container login is already ended).
     *
     * @param clearCookie whether to clear the session cookie the browser presented
     * @param detail what to tell the client
     */
    record Refuse(boolean clearCookie, String detail) implements AdoptionOutcome {
        public Refuse {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The response is already written (e.g. 403 at the session limit). */
    record Answered() implements AdoptionOutcome {
    }
}
