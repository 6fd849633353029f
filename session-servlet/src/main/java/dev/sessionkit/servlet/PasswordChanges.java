package dev.sessionkit.servlet;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.service.ValidationResult;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/** What {@link SessionLogin#endOthers} does after a password change, kept apart so SessionLogin stays an index. */
final class PasswordChanges {

    private PasswordChanges() {
    }

    static OthersEnded endOthers(SessionLogin login, Sessionkit sessionkit, Optional<String> presentedToken,
            HttpServletRequest request, HttpServletResponse response) {
        Optional<SessionRecord> current = SessionLogin.current(request).or(() -> presentedToken
                .map(sessionkit.service()::validate)
                .flatMap(result -> result instanceof ValidationResult.Valid valid
                        ? Optional.of(valid.session()) : Optional.empty()));
        if (current.isEmpty()) {
            return new OthersEnded(0, false);
        }
        String userId = current.get().userId();
        sessionkit.security().signIns().passwordChanged(current.get());
        // Ending the others must not depend on this session still being valid: the user is known already.
        int ended = sessionkit.service().endOthers(userId, current.get().id(), EndReason.PASSWORD_CHANGED);
        if (login.rotate(request, response).isPresent()) {
            return new OthersEnded(ended, true);
        }
        // This session ended meanwhile, or was rotated by a copy of its cookie: leave nothing of the user active.
        ended += sessionkit.service().endAllOfUser(userId, EndReason.PASSWORD_CHANGED);
        login.clearCookie(response);
        request.removeAttribute(SessionFilter.SESSION_ATTRIBUTE);
        return new OthersEnded(ended, false);
    }
}
