package dev.sessionkit.servlet;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.service.ValidationResult;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * What {@link SessionLogin#endOthers} (after a password change) and {@link SessionLogin#endAll} do, kept apart so
 * SessionLogin stays an index of what an app can call.
 */
final class UserSignOuts {

    private UserSignOuts() {
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
        // Remembered devices would sign the old password's holder back in: all but this one are forgotten.
        login.remembered().forgetAllOf(userId, Optional.of(current.get().id()), EndReason.PASSWORD_CHANGED);
        if (login.rotate(request, response).isPresent()) {
            return new OthersEnded(ended, true);
        }
        // This session ended meanwhile, or was rotated by a copy of its cookie: leave nothing of the user active.
        ended += sessionkit.signOutEverywhere(userId, EndReason.PASSWORD_CHANGED);
        login.clearCookie(response);
        request.removeAttribute(SessionFilter.SESSION_ATTRIBUTE);
        return new OthersEnded(ended, false);
    }

    static int endAll(SessionLogin login, Sessionkit sessionkit, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<SessionRecord> current = SessionLogin.current(request);
        int ended = current.map(session -> sessionkit.signOutEverywhere(session.userId(), EndReason.REVOKED_BY_USER))
                .orElse(0);
        login.clearCookie(response);
        return ended;
    }
}
