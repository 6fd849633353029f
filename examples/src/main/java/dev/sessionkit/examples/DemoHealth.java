package dev.sessionkit.examples;

import dev.sessionkit.json.JsonWriter;
import dev.sessionkit.maintenance.CleanupRun;
import dev.sessionkit.maintenance.Health;
import dev.sessionkit.servlet.SessionLogin;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: 200 with {@code "status": "UP"} while the session store answers, 503 with {@code "DOWN"}
 * and the reason while it does not, for load balancers and monitors. Public, and never a URL, token or user.
 */
final class DemoHealth extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Health health = SessionLogin.of(getServletContext()).sessionkit().health();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", health.up() ? "UP" : "DOWN");
        health.problem().ifPresent(problem -> body.put("problem", problem));
        body.put("storeMillis", health.storeMillis());
        body.put("hearsOtherNodes", health.hearsOtherNodes());
        body.put("cachedSessions", health.cachedSessions());
        body.put("pendingActivity", health.pendingActivity());
        health.lastCleanup().ifPresent(run -> body.put("lastCleanup", cleanup(run)));
        response.setStatus(health.up() ? 200 : 503);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JsonWriter.compact(body).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> cleanup(CleanupRun run) {
        Map<String, Object> cleanup = new LinkedHashMap<>();
        cleanup.put("at", run.at().toString());
        cleanup.put("outcome", run.outcome());
        return cleanup;
    }
}
