package dev.sessionkit.jaxrs.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.token.TokenHash;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Every request of the abuse suite goes through here, so the suite can say what it did and prove what never
 * happened: it counts requests and bad inputs, counts 5xx answers and false accepts (a hostile request that was
 * served) as they happen, harvests every secret the server hands out (session tokens and browser ids from
 * {@code Set-Cookie}), and at the end scans every response (status, headers, body) and every captured log line
 * for those secrets and their SHA-256 hashes. The one place a secret may appear is the {@code Set-Cookie} header
 * that issues it, once. Thread-safe.
 */
final class AbuseLedger {

    private static final int KEPT_FAILURES = 40;

    private final String name;
    private final List<String> secretCookies;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong badInputs = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong fiveHundreds = new AtomicLong();
    private final AtomicLong falseAccepts = new AtomicLong();
    private final AtomicLong noAnswer = new AtomicLong();
    private final AtomicLong shed = new AtomicLong();
    private final AtomicLong reissued = new AtomicLong();
    private final Map<Integer, LongAdder> statuses = new ConcurrentSkipListMap<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final Queue<String> responses = new ConcurrentLinkedQueue<>();
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private Findings findings;

    /**
     * @param name what the report is about, e.g. the test class
     * @param secretCookies names of the cookies whose values are secrets (session token, browser id)
     */
    AbuseLedger(String name, List<String> secretCookies) {
        this.name = name;
        this.secretCookies = List.copyOf(secretCookies);
    }

    /** Sends an ordinary request (a login, a control) and records it. */
    Reply send(URI base, Req req) {
        return record(req.label(), Wire.exchange(base, req), false, reply -> false);
    }

    /** Sends a bad input that must not be served: any 2xx is a false accept. */
    Reply hostile(URI base, Req req) {
        return hostile(base, req, Reply::passed);
    }

    /** Sends a bad input; {@code accepted} says when its answer would mean the server fell for it. */
    Reply hostile(URI base, Req req, Predicate<Reply> accepted) {
        return record(req.label(), Wire.exchange(base, req), true, accepted);
    }

    /**
     * Records an ordinary request sent during a deliberate overload: a 503 problem with {@code Retry-After} is the
     * server shedding load within its bounded wait, counted as shed rather than as a server error.
     */
    Reply recordUnderOverload(String label, Reply reply) {
        boolean shedding = reply.status() == 503 && !reply.all("Retry-After").isEmpty()
                && reply.body().contains("\"status\":503");
        if (!shedding) {
            return record(label, reply, false, r -> false);
        }
        requests.incrementAndGet();
        shed.incrementAndGet();
        statuses.computeIfAbsent(reply.status(), s -> new LongAdder()).increment();
        responses.add(scanText(label, reply));
        return reply;
    }

    /** Records an exchange made by another client (the concurrent login storm uses java.net.http). */
    Reply record(String label, Reply reply, boolean hostile, Predicate<Reply> accepted) {
        requests.incrementAndGet();
        statuses.computeIfAbsent(reply.status(), s -> new LongAdder()).increment();
        if (hostile) {
            badInputs.incrementAndGet();
        }
        if (reply.status() == Reply.NO_ANSWER) {
            noAnswer.incrementAndGet();
        }
        if (reply.status() >= 500) {
            serverErrors.incrementAndGet();
            if (reply.status() == 500) {
                fiveHundreds.incrementAndGet();
            }
            fail("HTTP " + reply.status() + " for " + label + ": " + reply);
        }
        if (accepted.test(reply)) {
            falseAccepts.incrementAndGet();
            fail("FALSE ACCEPT for " + label + ": " + reply);
        }
        responses.add(scanText(label, reply));
        return reply;
    }

    /** Counts a failure found by a test's own check (e.g. a session that changed when it must not have). */
    void falseAccept(String what) {
        falseAccepts.incrementAndGet();
        fail("FALSE ACCEPT: " + what);
    }

    long requests() {
        return requests.get();
    }

    long badInputs() {
        return badInputs.get();
    }

    /** The response as scanned: the issuing {@code Set-Cookie} values are blanked, once per secret. */
    private String scanText(String label, Reply reply) {
        StringBuilder text = new StringBuilder().append(reply.status()).append('\n');
        for (String[] header : reply.headers()) {
            String value = header[1];
            if (header[0].equalsIgnoreCase("Set-Cookie")) {
                for (String cookie : secretCookies) {
                    if (value.startsWith(cookie + "=")) {
                        String secret = value.substring(cookie.length() + 1).split(";", 2)[0];
                        if (!secret.isEmpty()) {
                            if (!secrets.add(secret)) {
                                reissued.incrementAndGet();
                                fail("a secret was sent a second time, for " + label);
                            }
                            value = cookie + "=<issued>" + value.substring(cookie.length() + 1 + secret.length());
                        }
                    }
                }
            }
            text.append(header[0]).append(": ").append(value).append('\n');
        }
        return text.append('\n').append(reply.body()).toString();
    }

    private void fail(String what) {
        if (failures.size() < KEPT_FAILURES) {
            failures.add(what);
        }
    }

    /**
     * Scans every recorded response and the given log lines for every harvested secret and its hash, plus the
     * hashes the store holds (so a token issued in a response the suite never parsed is covered too).
     *
     * @param logLines the captured log and console lines
     * @param storedHashes token and browser-id hashes read from the database
     * @return what was found
     */
    Findings finish(List<String> logLines, Collection<String> storedHashes) {
        Set<String> hashes = new HashSet<>(storedHashes);
        secrets.forEach(secret -> hashes.add(TokenHash.ofSecret(secret).hex()));
        SecretScanner scanner = new SecretScanner(Set.copyOf(secrets), hashes);
        List<String> leaks = new ArrayList<>();
        for (String response : responses) {
            scanner.find(response).forEach(found -> leaks.add("response carries " + found + ": "
                    + shorten(response)));
        }
        for (String line : logLines) {
            scanner.find(line).forEach(found -> leaks.add("log line carries " + found + ": " + shorten(line)));
        }
        findings = new Findings(scanner, responses.size(), logLines.size(), leaks.size() + reissued.get(), leaks);
        return findings;
    }

    /** The one-line summary the test class prints at its end. */
    String report() {
        return String.format(Locale.ROOT, "Abuse ledger %s: %d requests sent, %d bad inputs tried, %d answers 500 "
                + "(%d 5xx in all), %d false accepts, %d leaks (%d responses and %d log lines scanned for %d secrets "
                + "and %d hashes), %d connections closed without an answer, %d requests shed under overload (503 with "
                + "Retry-After); answers by status %s",
                name, requests.get(), badInputs.get(), fiveHundreds.get(), serverErrors.get(), falseAccepts.get(),
                findings.leaks(), findings.responses(), findings.logLines(), findings.scanner().tokens().size(),
                findings.scanner().hashes().size(), noAnswer.get(), shed.get(), statuses);
    }

    /** Fails unless nothing was ever served that should not have been, nothing 5xx, nothing leaked. */
    void assertClean() {
        assertTrue(requests.get() > 0, "the ledger saw no request");
        assertFalse(findings.scanner().tokens().isEmpty(), "no secret was harvested, the leak scan would be vacuous");
        String detail = String.join("\n", failures) + "\n" + String.join("\n",
                findings.leakList().subList(0, Math.min(20, findings.leakList().size())));
        assertEquals(0, serverErrors.get(), "5xx answers:\n" + detail);
        assertEquals(0, falseAccepts.get(), "false accepts:\n" + detail);
        assertEquals(0, findings.leaks(), "leaks:\n" + detail);
    }

    private static String shorten(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= 400 ? flat : flat.substring(0, 400) + "…";
    }

    /**
     * The result of the final scan.
     *
     * @param scanner the secrets scanned for
     * @param responses how many responses were scanned
     * @param logLines how many log lines were scanned
     * @param leaks how many leaks were found, re-sent secrets included
     * @param leakList a description of each leak found in the scan
     */
    record Findings(SecretScanner scanner, int responses, int logLines, long leaks, List<String> leakList) {
    }

    /**
     * Finds secrets in text in one pass: every window of 43 token characters and of 64 hex characters is looked
     * up in a set, so a secret is found wherever it sits, even inside a longer run of such characters.
     *
     * @param tokens the secrets (43 base64url characters each)
     * @param hashes their SHA-256 hex hashes, lower case
     */
    record SecretScanner(Set<String> tokens, Set<String> hashes) {

        private static final int TOKEN = 43;
        private static final int HASH = 64;

        List<String> find(String text) {
            List<String> found = new ArrayList<>();
            windows(text, TOKEN, SecretScanner::isTokenChar, window -> tokens.contains(window),
                    window -> found.add("token " + window.substring(0, 6) + "…"));
            windows(text, HASH, SecretScanner::isHexChar, window -> hashes.contains(window.toLowerCase(Locale.ROOT)),
                    window -> found.add("hash " + window.substring(0, 8) + "…"));
            return found;
        }

        private static void windows(String text, int width, java.util.function.IntPredicate inRun,
                Predicate<String> isSecret, java.util.function.Consumer<String> report) {
            int runStart = -1;
            for (int i = 0; i <= text.length(); i++) {
                boolean in = i < text.length() && inRun.test(text.charAt(i));
                if (in && runStart < 0) {
                    runStart = i;
                } else if (!in && runStart >= 0) {
                    for (int from = runStart; from + width <= i; from++) {
                        String window = text.substring(from, from + width);
                        if (isSecret.test(window)) {
                            report.accept(window);
                        }
                    }
                    runStart = -1;
                }
            }
        }

        private static boolean isTokenChar(int c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        }

        private static boolean isHexChar(int c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
    }
}
