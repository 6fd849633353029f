package dev.sessionkit.examples;

import dev.sessionkit.json.JsonWriter;
import dev.sessionkit.location.Location;
import dev.sessionkit.security.EventType;
import dev.sessionkit.security.RiskSignal;
import dev.sessionkit.security.SecurityEvent;
import dev.sessionkit.security.SecurityEventListener;
import dev.sessionkit.servlet.SessionLogin;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The mails the demo would send: every alert becomes a message in its owner's "Security alerts" inbox (in memory,
 * the newest 50 per user), sign-in alerts with their "This wasn't me" link. A real app sends the same text by mail.
 */
final class DemoAlertInbox implements SecurityEventListener {

    private static final int KEPT = 50;

    private final ServletContext context;
    private final Map<String, Deque<Map<String, Object>>> inboxes = new ConcurrentHashMap<>();

    DemoAlertInbox(ServletContext context) {
        this.context = context;
    }

    @Override
    public void alert(SecurityEvent event) {
        if (event.userId().isEmpty()) {
            return;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("at", event.at().toString());
        message.put("subject", subject(event));
        message.put("text", text(event));
        boolean signIn = event.type() == EventType.AUTHN_LOGIN_SUCCESS
                || event.type() == EventType.AUTHN_LOGIN_SUCCESSAFTERFAIL;
        message.put("link", signIn ? "report?token=" + SessionLogin.of(context).sessionkit().security().reports()
                .linkToken(event) : null);
        Deque<Map<String, Object>> inbox = inboxes.computeIfAbsent(event.userId().get(), u -> new ArrayDeque<>());
        synchronized (inbox) {
            inbox.addFirst(message);
            while (inbox.size() > KEPT) {
                inbox.removeLast();
            }
        }
    }

    List<Map<String, Object>> messagesOf(String userId) {
        Deque<Map<String, Object>> inbox = inboxes.get(userId);
        if (inbox == null) {
            return List.of();
        }
        synchronized (inbox) {
            return new ArrayList<>(inbox);
        }
    }

    private static String subject(SecurityEvent event) {
        return switch (event.type()) {
            case AUTHN_LOGIN_FAIL_MAX -> "Many wrong passwords for your account";
            case SESSION_USE_AFTER_EXPIRE -> "A signed-out session of yours was used again";
            default -> "New sign-in to your account";
        };
    }

    private static String text(SecurityEvent event) {
        String where = event.location().map(Location::display).map(place -> " from " + place).orElse("")
                + (event.ipAddress().isEmpty() ? "" : " (" + event.ipAddress() + ")");
        String device = event.device().isEmpty() ? "" : " with " + event.device();
        return switch (event.type()) {
            case AUTHN_LOGIN_FAIL_MAX -> "Someone typed many wrong passwords for your account" + where
                    + "; further attempts from there wait a while.";
            case SESSION_USE_AFTER_EXPIRE -> "A session you had signed out was sent again from another browser"
                    + where + ". Its cookie was probably copied; " + ("end-all-sessions".equals(
                            event.action().wireName()) ? "every session of yours was signed out." : "check your"
                            + " devices.");
            default -> "Someone signed in" + device + where + " ("
                    + event.signals().stream().map(RiskSignal::wireName).collect(Collectors.joining(", "))
                    + "). If this wasn't you, use the link.";
        };
    }

    /** {@code GET /app/alerts.json}: the signed-in user's messages, newest first. */
    static final class Inbox extends HttpServlet {
        private final transient DemoAlertInbox inbox;

        Inbox(DemoAlertInbox inbox) {
            this.inbox = inbox;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json");
            response.getOutputStream().write(JsonWriter.compact(inbox.messagesOf(request.getRemoteUser()))
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
