package dev.sessionkit.jaxrs.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionkit.jaxrs.SameOriginFilter;
import dev.sessionkit.servlet.testing.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The soak's HTTP client: signs users in and uses, ends and probes their sessions on either node, recording in the
 * ledger what each response proved (accepted, refused, ended) and reporting every 5xx, unexpected status,
 * transport failure or response about the wrong user as a problem.
 */
final class SoakClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";

    private final List<URI> nodes;
    private final SoakLedger ledger;
    private final Problems problems;

    SoakClient(List<URI> nodes, SoakLedger ledger) {
        this.nodes = List.copyOf(nodes);
        this.ledger = ledger;
        this.problems = ledger.problems();
    }

    Problems problems() {
        return problems;
    }

    int nodeCount() {
        return nodes.size();
    }

    /** One answered request made with a session's cookies. */
    record Outcome(int status, String body, long sent, long received) {
    }

    /** Signs a user in through the test app's login servlet; empty (and a problem) when that fails. */
    Optional<SoakLedger.Session> login(String user, String roles, SoakLedger.Kind kind, int node) {
        Browser browser = new Browser(nodes.get(node));
        long sent = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = browser.post("/login", Map.of("username", user, "roles", roles));
        } catch (RuntimeException e) {
            ledger.requests.increment();
            problems.add("transport error", "login of " + user + " on node " + node + ": " + e);
            return Optional.empty();
        }
        long received = System.nanoTime();
        ledger.requests.increment();
        if (response.statusCode() != 200) {
            serverError(response.statusCode(), "login of " + user, node, response.body());
            if (response.statusCode() < 500) {
                problems.add("login refused", user + " on node " + node + ": " + response.statusCode() + " "
                        + abbreviated(response.body()));
            }
            return Optional.empty();
        }
        return Optional.of(ledger.signedIn(new SoakLedger.Session(response.body().strip(), user, kind, node, sent,
                received, browser.cookies())));
    }

    /**
     * An authenticated read, one of three kinds (the test app's echo servlet, the API's current session, the API's
     * list), each checking that the answer is about this session's user.
     *
     * @return the status, or -1 when the request failed
     */
    int use(SoakLedger.Session session, int node, int variant) {
        return switch (Math.floorMod(variant, 3)) {
            case 0 -> read(session, node, "/app/soak",
                    body -> body.lines().anyMatch(("user=" + session.user())::equals)
                            && body.lines().anyMatch(("session=" + session.id())::equals));
            case 1 -> read(session, node, "/api/sessions/current", body -> {
                JsonNode json = json(body);
                return session.id().equals(json.path("id").asText())
                        && session.user().equals(json.path("userId").asText());
            });
            default -> read(session, node, "/api/sessions", body -> {
                JsonNode json = json(body);
                boolean all = json.isArray();
                for (JsonNode each : json) {
                    all &= session.user().equals(each.path("userId").asText());
                }
                return all;
            });
        };
    }

    private int read(SoakLedger.Session session, int node, String path, Function<String, Boolean> aboutThisUser) {
        Outcome outcome = exchange(session, node, "GET " + path,
                browser -> browser.get(path, "Accept", JSON_TYPE));
        if (outcome == null) {
            return -1;
        }
        expect(outcome, Set.of(200, 401), "GET " + path, session, node);
        if (outcome.status() == 200 && !aboutThisUser.apply(outcome.body())) {
            problems.add("answer about someone else", "GET " + path + " with " + session + " on node " + node
                    + " answered: " + abbreviated(outcome.body()));
        }
        return outcome.status();
    }

    /** Signs out through the test app; a 204 confirms the session ended. */
    int logout(SoakLedger.Session session, int node) {
        Outcome outcome = exchange(session, node, "POST /logout", browser -> browser.post("/logout", Map.of()));
        if (outcome == null) {
            return -1;
        }
        expect(outcome, Set.of(204, 401), "POST /logout", session, node);
        if (outcome.status() == 204) {
            session.confirmed(new SoakLedger.Confirmation("logout", outcome.sent(), outcome.received(), node));
            ledger.logouts.increment();
        }
        return outcome.status();
    }

    /** Ends {@code target} from {@code caller}, another session of the same user; a 204 confirms the end. */
    int endOther(SoakLedger.Session caller, SoakLedger.Session target, int node) {
        URI uri = nodes.get(node).resolve("/api/sessions/" + target.id());
        Outcome outcome = exchange(caller, node, "DELETE /api/sessions/{id}", browser -> browser.send(
                HttpRequest.newBuilder(uri).DELETE(), SameOriginFilter.PROOF_HEADER, "soak", "Accept", JSON_TYPE));
        if (outcome == null) {
            return -1;
        }
        // A session of the same user is never "not found", ended or not: only 204, or 401 for an ended caller.
        expect(outcome, Set.of(204, 401), "DELETE /api/sessions/" + target.id(), caller, node);
        if (outcome.status() == 204) {
            target.confirmed(new SoakLedger.Confirmation("revoked", outcome.sent(), outcome.received(), node));
            ledger.deletes.increment();
        }
        return outcome.status();
    }

    /** "Sign out my other sessions" from {@code keeper}; a 200 confirms every other session of the user ended. */
    int endOthers(SoakLedger.Session keeper, int node) {
        URI uri = nodes.get(node).resolve("/api/sessions?scope=others");
        Outcome outcome = exchange(keeper, node, "DELETE /api/sessions?scope=others", browser -> browser.send(
                HttpRequest.newBuilder(uri).DELETE(), SameOriginFilter.PROOF_HEADER, "soak", "Accept", JSON_TYPE));
        if (outcome == null) {
            return -1;
        }
        expect(outcome, Set.of(200, 401), "DELETE /api/sessions?scope=others", keeper, node);
        if (outcome.status() == 200) {
            ledger.othersCall(new SoakLedger.OthersCall(keeper.user(), keeper.id(), outcome.sent(),
                    outcome.received(), node, json(outcome.body()).path("ended").asInt()));
        }
        return outcome.status();
    }

    /** A request with a session long idle; only the invariants judge the answer. */
    int probe(SoakLedger.Session session, int node) {
        Outcome outcome = exchange(session, node, "GET /app/probe", browser -> browser.get("/app/probe"));
        if (outcome == null) {
            return -1;
        }
        expect(outcome, Set.of(200, 401), "GET /app/probe", session, node);
        ledger.probes.increment();
        return outcome.status();
    }

    /** The admin statistics as JSON, read with an admin session. */
    JsonNode adminStats(SoakLedger.Session admin, int node) {
        Outcome outcome = exchange(admin, node, "GET /api/admin/stats",
                browser -> browser.get("/api/admin/stats", "Accept", JSON_TYPE));
        if (outcome == null || outcome.status() != 200) {
            throw new AssertionError("admin stats failed: " + (outcome == null ? "no answer"
                    : outcome.status() + " " + outcome.body()));
        }
        return json(outcome.body());
    }

    /**
     * Sends one request with a session's cookies and records what the answer proves: 401 is a refusal; any other
     * status below 500 means the filter accepted the session.
     */
    private Outcome exchange(SoakLedger.Session session, int node, String what,
            Function<Browser, HttpResponse<String>> call) {
        Browser browser = new Browser(nodes.get(node));
        browser.cookies().putAll(session.cookies());
        long sent = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = call.apply(browser);
        } catch (RuntimeException e) {
            ledger.requests.increment();
            problems.add("transport error", what + " with " + session + " on node " + node + ": " + e);
            return null;
        }
        long received = System.nanoTime();
        ledger.requests.increment();
        int status = response.statusCode();
        if (status >= 500) {
            serverError(status, what + " with " + session, node, response.body());
        } else if (status == 401) {
            ledger.refused.increment();
            session.refused(sent, received, node);
        } else {
            ledger.accepted.increment();
            session.accepted(sent, received, node);
        }
        return new Outcome(status, response.body(), sent, received);
    }

    private void serverError(int status, String what, int node, String body) {
        if (status >= 500) {
            ledger.serverErrors.increment();
            problems.add("5xx", what + " on node " + node + ": " + status + " " + abbreviated(body));
        }
    }

    private void expect(Outcome outcome, Set<Integer> expected, String what, SoakLedger.Session session, int node) {
        if (outcome.status() < 500 && !expected.contains(outcome.status())) {
            problems.add("unexpected status", what + " with " + session + " on node " + node + ": "
                    + outcome.status() + " " + abbreviated(outcome.body()));
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static String abbreviated(String body) {
        String oneLine = body.replace('\n', ' ');
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
