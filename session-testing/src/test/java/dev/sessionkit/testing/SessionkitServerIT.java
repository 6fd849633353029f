package dev.sessionkit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.session.EndReason;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An app's test as a user writes it with the extension: over real HTTP, with and without a session. */
class SessionkitServerIT {

    /** The app under test: answers with who is signed in and whether they are an admin. */
    private static final class WhoAmI extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write(request.getRemoteUser() + " admin=" + request.isUserInRole("admin"));
        }
    }

    @RegisterExtension
    static final SessionkitServer SERVER = SessionkitServer.serving(new WhoAmI());

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void withoutASessionTheAppIsNeverReachedAndTheAnswerIs401() throws Exception {
        HttpResponse<String> answer = get(null);

        assertEquals(401, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void withASignedInSessionTheAppSeesItsUserAndRoles() throws Exception {
        HttpResponse<String> answer = get(SERVER.signIn("alice", "admin"));

        assertEquals(200, answer.statusCode());
        assertEquals("alice admin=true", answer.body());
    }

    @Test
    void aSessionEndedFromTheTestIsRefusedAtOnce() throws Exception {
        String cookie = SERVER.signIn("bob");
        assertEquals(200, get(cookie).statusCode());

        SERVER.sessionkit().service().endAllOfUser("bob", EndReason.REVOKED_BY_ADMIN);

        assertEquals(401, get(cookie).statusCode());
    }

    private HttpResponse<String> get(String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(SERVER.uri().resolve("/orders"))
                .header("Accept", "application/json");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
