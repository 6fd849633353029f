package dev.sessionkit.jaxrs.soak;

import dev.sessionkit.jaxrs.soak.SoakDatabase.Row;
import dev.sessionkit.jaxrs.soak.SoakLedger.Exchange;
import dev.sessionkit.jaxrs.soak.SoakLedger.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The invariants checked after the soak, over what the clients saw (the ledger), what the database holds at the
 * end, and what the nodes' listeners heard. Every violation goes to {@link Problems} with its details.
 *
 * <p>When a session counts as dead on a node (after which that node must never accept it again, and the other node
 * not after {@code revocation-latency} more): a response that confirmed its end (logout 204, DELETE 204, sign-out
 * others 200 for sessions signed in before that call was sent, the login that evicted it), or a response that
 * refused it (401: a refusing node has found it ended or expired, and expiry is then recorded as an end).
 */
final class SoakChecks {

    /**
     * Allowance where a server's wall-clock instant (a database column, an expiry decision) is compared with a
     * client's monotonic moment: clock slewing and microsecond truncation, a few ms over a run; nowhere else.
     */
    static final long CLOCK_SLACK = Duration.ofMillis(100).toNanos();

    private final SoakLedger ledger;
    private final Map<String, Row> rows;
    private final List<HeardEvents.End> heard;
    private final long createdHeard;
    private final Problems problems;
    private final int nodes;
    private final long idle;
    private final long idleDeadline;
    private final long absolute;
    private final long latency;
    private final int maxPerUser;
    private final Map<String, List<Session>> sessionsByUser;

    SoakChecks(SoakLedger ledger, Map<String, Row> rows, HeardEvents heard, int nodes, Duration idleTimeout,
            Duration touchInterval, Duration absoluteTimeout, Duration revocationLatency, int maxPerUser) {
        this.ledger = ledger;
        this.rows = rows;
        this.heard = heard.ends();
        this.createdHeard = heard.created();
        this.problems = ledger.problems();
        this.nodes = nodes;
        this.idle = idleTimeout.toNanos();
        this.idleDeadline = idleTimeout.plus(touchInterval).toNanos();
        this.absolute = absoluteTimeout.toNanos();
        this.latency = revocationLatency.toNanos();
        this.maxPerUser = maxPerUser;
        this.sessionsByUser = ledger.sessions().stream().collect(Collectors.groupingBy(Session::user));
    }

    void run() {
        countsAddUp();
        everyEndHeardOnce();
        endReasonsMatchWhatHappened();
        noFalseAccepts();
        noEarlyIdleEnds();
        noFalseRejectsOfSleepyUsers();
    }

    /** Ended sessions by reason, from the database. */
    Map<String, Long> endsByReason() {
        return rows.values().stream().filter(Row::isEnded)
                .collect(Collectors.groupingBy(Row::endReason, TreeMap::new, Collectors.counting()));
    }

    long active() {
        return rows.values().stream().filter(r -> "active".equals(r.status())).count();
    }

    long endedByCleanupScheduler() {
        return heard.stream().filter(HeardEvents.End::byCleanupScheduler).count();
    }

    private void countsAddUp() {
        Set<String> signedIn = ledger.sessions().stream().map(Session::id).collect(Collectors.toSet());
        signedIn.stream().filter(id -> !rows.containsKey(id))
                .forEach(id -> problems.add("login missing from the database", id));
        rows.keySet().stream().filter(id -> !signedIn.contains(id))
                .forEach(id -> problems.add("row nobody signed in", id));
        long ended = rows.values().stream().filter(Row::isEnded).count();
        if (active() + ended != rows.size()) {
            problems.add("status neither active nor ended", rows.size() + " rows, " + active() + " active, "
                    + ended + " ended");
        }
        long byReason = endsByReason().values().stream().mapToLong(Long::longValue).sum();
        if (byReason != ended) {
            problems.add("ends by reason do not add up", byReason + " by reason, " + ended + " ended");
        }
        rows.values().stream().filter(r -> "active".equals(r.status()))
                .collect(Collectors.groupingBy(Row::userId, Collectors.counting()))
                .forEach((user, active) -> {
                    if (active > maxPerUser) {
                        problems.add("over the session limit", user + " holds " + active + " active sessions");
                    }
                });
    }

    private void everyEndHeardOnce() {
        if (createdHeard != ledger.sessions().size()) {
            problems.add("logins heard", createdHeard + " heard, " + ledger.sessions().size() + " signed in");
        }
        Map<String, List<HeardEvents.End>> byId = heard.stream()
                .collect(Collectors.groupingBy(HeardEvents.End::sessionId));
        byId.forEach((id, ends) -> {
            if (ends.size() > 1) {
                problems.add("ended more than once", id + ": " + ends);
            }
            Row row = rows.get(id);
            if (row == null || !row.isEnded()) {
                problems.add("heard an end the database does not have", ends + " row " + row);
            } else if (!ends.get(0).reason().wireName().equals(row.endReason())) {
                problems.add("heard reason differs from the database", ends + " row " + row);
            }
        });
        rows.values().stream().filter(Row::isEnded).filter(r -> !byId.containsKey(r.id()))
                .forEach(r -> problems.add("end nobody heard", r.toString()));
    }

    private void endReasonsMatchWhatHappened() {
        Map<String, Row> byUserAndCreated = rows.values().stream()
                .collect(Collectors.toMap(r -> r.userId() + " " + r.created(), Function.identity(), (a, b) -> a));
        for (Row row : rows.values()) {
            Optional<Session> known = ledger.session(row.id());
            if (!row.isEnded() || known.isEmpty()) {
                continue;
            }
            Session session = known.get();
            long end = ledger.nanosOf(row.endedAt());
            boolean explained = switch (row.endReason()) {
                case "logout" -> session.confirmation("logout").filter(c -> during(end, c.sent(), c.received()))
                        .isPresent();
                case "revoked-by-user" -> session.confirmation("revoked")
                        .filter(c -> during(end, c.sent(), c.received())).isPresent()
                        || ledger.othersCalls().stream().anyMatch(call -> call.user().equals(row.userId())
                                && !call.keeperId().equals(row.id()) && during(end, call.sent(), call.received()));
                case "evicted-by-limit" -> {
                    Row evictor = byUserAndCreated.get(row.userId() + " " + row.endedAt());
                    yield evictor != null && evictor.created().isAfter(row.created());
                }
                case "expired-idle" -> !row.idleExpires().isAfter(row.endedAt());
                case "expired-absolute" -> !row.absoluteExpires().isAfter(row.endedAt())
                        && row.absoluteExpires().equals(row.created().plusNanos(absolute));
                default -> false;
            };
            if (!explained) {
                problems.add("end reason nothing explains", row + " of " + session + " ended at " + ledger.at(end)
                        + ", confirmations " + session.confirmations());
            }
        }
        for (Session session : ledger.sessions()) {
            Row row = rows.get(session.id());
            for (SoakLedger.Confirmation confirmed : session.confirmations()) {
                String reason = confirmed.how().equals("logout") ? "logout" : "revoked-by-user";
                if (row == null || !row.isEnded() || (!reason.equals(row.endReason())
                        && ledger.nanosOf(row.endedAt()) > confirmed.received() + CLOCK_SLACK)) {
                    problems.add("confirmed end not recorded", session + " " + confirmed + " row " + row);
                }
            }
        }
        for (SoakLedger.OthersCall call : ledger.othersCalls()) {
            for (Session target : othersTargets(call)) {
                Row row = rows.get(target.id());
                if (row == null || !row.isEnded()
                        || ledger.nanosOf(row.endedAt()) > call.received() + CLOCK_SLACK) {
                    problems.add("sign-out-others left a session active", call + " target " + target + " row " + row);
                }
            }
        }
    }

    /** Sessions a sign-out-others call must have ended: the user's others that existed before it was sent. */
    private List<Session> othersTargets(SoakLedger.OthersCall call) {
        return sessionsByUser.getOrDefault(call.user(), List.of()).stream()
                .filter(s -> !s.id().equals(call.keeperId()) && s.received() < call.sent())
                .toList();
    }

    private record Death(long at, int node, String how) {
    }

    private void noFalseAccepts() {
        Map<String, List<Death>> deaths = new HashMap<>();
        for (Session session : ledger.sessions()) {
            List<Death> own = deaths.computeIfAbsent(session.id(), id -> new ArrayList<>());
            session.refusals().forEach(r -> own.add(new Death(r.received(), r.node(), "refused")));
            session.confirmations().forEach(c -> own.add(new Death(c.received(), c.node(), c.how())));
        }
        for (SoakLedger.OthersCall call : ledger.othersCalls()) {
            othersTargets(call).forEach(target -> deaths.get(target.id())
                    .add(new Death(call.received(), call.node(), "sign-out-others by " + call.keeperId())));
        }
        Map<String, Row> byUserAndCreated = rows.values().stream()
                .collect(Collectors.toMap(r -> r.userId() + " " + r.created(), Function.identity(), (a, b) -> a));
        rows.values().stream().filter(r -> "evicted-by-limit".equals(r.endReason())).forEach(row -> {
            Row evictor = byUserAndCreated.get(row.userId() + " " + row.endedAt());
            Optional<Session> login = evictor == null ? Optional.empty() : ledger.session(evictor.id());
            if (login.isPresent() && deaths.containsKey(row.id())) {
                deaths.get(row.id()).add(new Death(login.get().received(), login.get().node(),
                        "evicted by the login of " + evictor.id()));
            }
        });
        for (Session session : ledger.sessions()) {
            List<Exchange> accepted = session.acceptances();
            accepted.sort(Comparator.comparingLong(Exchange::sent));
            Death[] firstDeath = new Death[nodes];
            for (Death death : deaths.get(session.id())) {
                if (firstDeath[death.node()] == null || death.at() < firstDeath[death.node()].at()) {
                    firstDeath[death.node()] = death;
                }
            }
            long latestReceived = session.received();
            for (int i = 0; i < accepted.size(); i++) {
                Exchange a = accepted.get(i);
                String why = afterDeath(a, firstDeath);
                if (why == null && a.sent() > session.received() + absolute + CLOCK_SLACK) {
                    why = "sent after the absolute timeout (signed in by " + ledger.at(session.received()) + ")";
                }
                // Idle: a touch happens inside an accepted request; the last one possible before this request ends
                // by the latest answer among the requests sent before this one was answered. If a request sent
                // later than this one was also accepted before this one's answer, that one may have touched.
                boolean laterOneMayHaveTouched = i + 1 < accepted.size()
                        && accepted.get(i + 1).sent() <= a.received();
                if (why == null && !laterOneMayHaveTouched && a.sent() > latestReceived + idleDeadline + CLOCK_SLACK) {
                    why = "sent after the idle deadline: no request was answered since " + ledger.at(latestReceived);
                }
                if (why != null) {
                    problems.add("false accept", session + " accepted on node " + a.node() + " (sent "
                            + ledger.at(a.sent()) + "): " + why);
                }
                latestReceived = Math.max(latestReceived, a.received());
            }
        }
    }

    private String afterDeath(Exchange a, Death[] firstDeath) {
        for (int node = 0; node < nodes; node++) {
            Death death = firstDeath[node];
            if (death == null) {
                continue;
            }
            long allowedUntil = node == a.node() ? death.at() : death.at() + latency;
            if (a.sent() > allowedUntil) {
                return "its end was confirmed on node " + node + " at " + ledger.at(death.at()) + " (" + death.how()
                        + "), so node " + a.node() + " had to refuse it from " + ledger.at(allowedUntil);
            }
        }
        return null;
    }

    /**
     * The README's promise: a session ends no sooner than {@code idle-timeout} after its last request. A request
     * answered before the end was accepted, so the session was in use no earlier than that request was sent.
     */
    private void noEarlyIdleEnds() {
        Map<String, List<HeardEvents.End>> heardById = heard.stream()
                .collect(Collectors.groupingBy(HeardEvents.End::sessionId));
        rows.values().stream().filter(r -> "expired-idle".equals(r.endReason())).forEach(row -> {
            Optional<Session> known = ledger.session(row.id());
            if (known.isEmpty()) {
                return;
            }
            long end = ledger.nanosOf(row.endedAt());
            long lastUse = known.get().sent();
            for (Exchange a : known.get().acceptances()) {
                if (a.received() < end) {
                    lastUse = Math.max(lastUse, a.sent());
                }
            }
            if (end + CLOCK_SLACK < lastUse + idle) {
                long last = lastUse;
                String acceptedOn = known.get().acceptances().stream().filter(a -> a.sent() == last)
                        .map(a -> " on node " + a.node()).findFirst().orElse(" (its login)");
                problems.add("ended idle too early", known.get() + " ended expired-idle at " + ledger.at(end)
                        + " by " + heardById.get(row.id()) + ", " + (end - lastUse) / 1_000_000
                        + " ms after a request it accepted" + acceptedOn + " was sent at " + ledger.at(lastUse)
                        + " (idle-timeout " + idle / 1_000_000 + " ms)");
            }
        });
    }

    /** A sleepy user's session is ended by nobody: it must be accepted until idle or absolute timeout. */
    private void noFalseRejectsOfSleepyUsers() {
        for (Session session : ledger.sessions()) {
            if (session.kind() != SoakLedger.Kind.SLEEPY) {
                continue;
            }
            List<Exchange> accepted = session.acceptances();
            for (Exchange refused : session.refusals()) {
                long lastUse = session.sent();
                for (Exchange a : accepted) {
                    if (a.received() <= refused.sent()) {
                        lastUse = Math.max(lastUse, a.sent());
                    }
                }
                if (refused.sent() + CLOCK_SLACK < lastUse + idle
                        && refused.sent() + CLOCK_SLACK < session.sent() + absolute) {
                    problems.add("false reject", session + " refused on node " + refused.node() + " (sent "
                            + ledger.at(refused.sent()) + ") only " + (refused.sent() - lastUse) / 1_000_000
                            + " ms after its last accepted request (idle-timeout " + idle / 1_000_000 + " ms)");
                }
            }
        }
    }

    private static boolean during(long end, long sent, long received) {
        return end >= sent - CLOCK_SLACK && end <= received + CLOCK_SLACK;
    }
}
