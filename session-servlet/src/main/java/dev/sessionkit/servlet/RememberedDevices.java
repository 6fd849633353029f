package dev.sessionkit.servlet;

import dev.sessionkit.remember.RememberMe;
import dev.sessionkit.remember.Resumption;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * The web side of remembered devices: the {@code remember} cookie set at a sign-in that asked for it, used by the
 * filter when a request has no valid session, replaced on every use, dropped at sign-out and when the device is
 * forgotten.
 */
final class RememberedDevices {

    private final SessionkitRuntime runtime;

    RememberedDevices(SessionkitRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    private RememberMe rememberMe() {
        return runtime.sessionkit().rememberMe();
    }

    /** After a sign-in that asked to be remembered: the device's cookie. */
    void remember(HttpServletResponse response, SessionRecord session) {
        runtime.cookies().issueRemember(response, rememberMe().remember(session), rememberMe().lifetime());
    }

    /**
     * For a request without a valid session: a new session from the device's cookie (both cookies set), or empty
     * when there is none or it is refused (a refused one is cleared).
     */
    Optional<SessionRecord> resume(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> cookie = runtime.cookies().readRemember(request);
        if (cookie.isEmpty()) {
            if (runtime.cookies().hasRemember(request)) {
                runtime.cookies().clearRemember(response);
            }
            return Optional.empty();
        }
        Resumption resumption = rememberMe().resume(cookie.get(), runtime.clientInfo(request, response));
        if (!(resumption instanceof Resumption.Resumed resumed)) {
            runtime.cookies().clearRemember(response);
            return Optional.empty();
        }
        runtime.tokens().issue(response, resumed.issued().token());
        resumed.rotated().ifPresent(next -> runtime.cookies().issueRemember(response, next, rememberMe().lifetime()));
        return Optional.of(resumed.issued().session());
    }

    /** At sign-out: forgets this browser's device and drops its cookie. */
    void forgetThisDevice(HttpServletRequest request, HttpServletResponse response) {
        runtime.cookies().readRemember(request).ifPresent(rememberMe()::forget);
        if (runtime.cookies().hasRemember(request)) {
            runtime.cookies().clearRemember(response);
        }
    }

    /** With "sign out everywhere" and the like: every device of the user, this one too unless kept. */
    void forgetAllOf(String userId, Optional<SessionId> keep, EndReason reason) {
        rememberMe().forgetAllOf(userId, keep, reason);
    }

    /** A renewed session stays linked to the device that started the old one. */
    void carriedOver(SessionRecord replaced, SessionRecord replacement) {
        rememberMe().carriedOver(replaced.id(), replacement.id());
    }
}
