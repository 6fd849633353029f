package dev.sessionkit.cli;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.device.DeviceType;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.testing.Sessions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** list, show and validate on a real database: what people read, and what scripts parse. */
abstract class ReadCommandsContract extends DatabaseContract {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void listWhenActiveSessionsThenAlignedTableNewestLoginFirst() {
        SessionRecord first = seed(aSession().ownedBy("alice"));
        SessionRecord second = seed(createdAt(at(MINUTE)).ownedBy("bob").device(DeviceType.MOBILE, "Safari 17", "iOS"));
        SessionRecord third = seed(createdAt(at(MINUTE.multipliedBy(2))).ownedBy("alice"));
        clock.set(at(MINUTE.multipliedBy(5)));

        Cli.Result result = run("list");

        assertEquals(0, result.exit(), result::toString);
        assertEquals("", result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(4, lines.size(), result::toString);
        assertEquals(List.of(third.id().value(), second.id().value(), first.id().value()),
                lines.subList(1, 4).stream().map(line -> line.substring(0, line.indexOf(' '))).toList());
        assertColumnsAligned(lines);
        assertTrue(lines.get(2).contains("bob") && lines.get(2).contains("Safari 17 on iOS (mobile)")
                && lines.get(2).contains("2026-03-03 10:01:00") && lines.get(2).contains("203.0.113.7"), lines::toString);
        assertTrue(lines.get(0).startsWith("ID") && lines.get(0).contains("LAST ACTIVE")
                && lines.get(0).endsWith("END REASON"), lines::toString);
    }

    @Test
    void listWhenUserGivenThenOnlyThatUsersSessions() {
        seed(aSession().ownedBy("alice"));
        SessionRecord bobs = seed(aSession().ownedBy("bob"));

        Cli.Result result = run("list", "--user", "bob");
        Cli.Result nobody = run("list", "--user", "carol");

        assertEquals(2, result.out().lines().count(), result::toString);
        assertTrue(result.out().contains(bobs.id().value()));
        assertEquals(0, nobody.exit());
        assertEquals("No active sessions for user carol.\n", nobody.out());
    }

    @Test
    void listWhenAllThenAlsoEndedAndExpiredWithTheirStatus() {
        SessionRecord ended = seed(aSession());
        end(ended, EndReason.LOGOUT, at(MINUTE));
        SessionRecord expired = seed(aSession().idleTimeout(Duration.ofMinutes(3)));
        SessionRecord active = seed(aSession());
        clock.set(at(MINUTE.multipliedBy(5)));

        List<String> activeOnly = run("list").out().lines().toList();
        List<String> all = run("list", "--all").out().lines().toList();

        assertEquals(2, activeOnly.size(), activeOnly::toString);
        assertTrue(activeOnly.get(1).startsWith(active.id().value()));
        assertEquals(4, all.size(), all::toString);
        assertTrue(row(all, ended).matches(".*\\bended\\b.*\\blogout$"), all::toString);
        assertTrue(row(all, expired).matches(".*\\bexpired\\b.*"), all::toString);
        assertTrue(row(all, active).matches(".*\\bactive\\b.*-$"), all::toString);
    }

    @Test
    void listWhenJsonThenOneDocumentWithEveryFieldButTheToken() {
        SessionRecord ended = seed(aSession().ownedBy("alice").roles("user", "admin"));
        end(ended, EndReason.REVOKED_BY_USER, at(MINUTE));
        seed(aSession().ownedBy("bob"));

        Cli.Result result = run("list", "--all", "--json");

        assertEquals(0, result.exit(), result::toString);
        Map<String, Object> json = JsonParser.object(result.out());
        assertEquals(2L, json.get("total"));
        List<?> sessions = (List<?>) json.get("sessions");
        assertEquals(2, sessions.size());
        Map<?, ?> alice = sessions.stream().map(Map.class::cast).filter(s -> s.get("userId").equals("alice"))
                .findFirst().orElseThrow();
        assertEquals(ended.id().value(), alice.get("id"));
        assertEquals("ALICE", alice.get("user"));
        assertEquals(List.of("admin", "user"), alice.get("roles"));
        assertEquals("ended", alice.get("status"));
        assertEquals("2026-03-03T10:00:00Z", alice.get("created"));
        assertEquals("2026-03-03T10:01:00Z", alice.get("endedAt"));
        assertEquals("revoked-by-user", alice.get("endReason"));
        assertEquals(Map.of("type", "desktop", "browser", "Firefox 128", "os", "Linux"), alice.get("device"));
        assertFalse(alice.containsKey("tokenHash"), alice::toString);
        assertFalse(result.out().contains(ended.tokenHash().hex()), "not even the hash is shown");
    }

    @Test
    void listWhenMoreThanTheLimitThenSaysHowManyAreNotShown() {
        for (int i = 0; i < 3; i++) {
            seed(createdAt(at(MINUTE.multipliedBy(i))));
        }

        Cli.Result table = run("list", "--limit", "2");
        Map<String, Object> json = JsonParser.object(run("list", "--limit", "2", "--json").out());

        assertEquals(4, table.out().lines().count(), table::toString);
        assertTrue(table.out().endsWith("Showing 2 of 3; use --limit to see more.\n"), table::toString);
        assertEquals(3L, json.get("total"));
        assertEquals(2, ((List<?>) json.get("sessions")).size());
    }

    @Test
    void showWhenKnownThenEveryDetailWithRelativeTimes() {
        SessionRecord session = seed(aSession().ownedBy("alice").roles("admin", "user"));
        clock.set(at(MINUTE.multipliedBy(5)));

        Cli.Result result = run("show", session.id().value());

        assertEquals(0, result.exit(), result::toString);
        String out = result.out();
        assertTrue(out.startsWith("id           " + session.id().value() + "\n"), out);
        assertTrue(out.contains("\nuser         alice (ALICE)\n"), out);
        assertTrue(out.contains("\nroles        admin, user\n"), out);
        assertTrue(out.contains("\nstatus       active\n"), out);
        assertTrue(out.contains("\nlast active  2026-03-03 10:00:00 UTC (5m ago)\n"), out);
        assertTrue(out.contains("\nidle expiry  2026-03-03 10:30:00 UTC (in 25m)\n"), out);
        assertTrue(out.contains("\nexpiry       2026-03-04 10:00:00 UTC (in 23h 55m)\n"), out);
        assertTrue(out.contains("\nuser agent   Mozilla/5.0 (X11; Linux x86_64; rv:128.0)"), out);
    }

    @Test
    void showWhenJsonThenTheSessionObject() {
        SessionRecord session = seed(aSession());
        end(session, EndReason.EXPIRED_ABSOLUTE, at(MINUTE));

        Map<String, Object> json = JsonParser.object(run("show", "--json", session.id().value()).out());

        assertEquals(session.id().value(), json.get("id"));
        assertEquals("expired-absolute", json.get("endReason"));
        assertEquals("203.0.113.7", json.get("ip"));
        assertEquals(session.userAgent(), json.get("userAgent"));
        assertEquals(null, json.get("location"));
    }

    @Test
    void showWhenUnknownIdThenNotFoundExit1() {
        String unknown = SessionId.random(new java.security.SecureRandom()).value();

        Cli.Result result = run("show", unknown);

        assertEquals(1, result.exit(), result::toString);
        assertEquals("", result.out());
        assertEquals("sessionkit: no session with id " + unknown + "\n", result.err());
    }

    @Test
    void showWhenIdStartsWithDashThenReadAsAnIdNotAnOption() {
        for (String prefix : List.of("-", "-h", "-V", "--")) {
            SessionRecord session = seed(withIdAndToken(aSession().build(),
                    new SessionId(startingWith(prefix, 22)), startingWith(prefix, 43)));

            Cli.Result shown = run("show", session.id().value(), "--json");

            assertEquals(0, shown.exit(), shown::toString);
            assertEquals(session.id().value(), JsonParser.object(shown.out()).get("id"));
        }
    }

    @Test
    void validateWhenValidThenExit0WithoutRecordingActivity() {
        Sessions builder = aSession();
        SessionRecord session = seed(builder);
        clock.set(at(MINUTE.multipliedBy(10))); // well past touch-interval: the service would record activity

        Cli.Result result = run("validate", tokenOf(builder));

        assertEquals(0, result.exit(), result::toString);
        assertTrue(result.out().startsWith("Valid: the app accepts this token now.\n\nid "), result::toString);
        assertTrue(result.out().contains(session.id().value()));
        SessionRecord after = stored(session);
        assertEquals(T0, after.lastAccessedAt(), "an operator's check must not keep the session alive");
        assertEquals(session.idleExpiresAt(), after.idleExpiresAt());
    }

    @Test
    void validateWhenTokenOnStandardInputThenSameVerdict() {
        Sessions builder = aSession();
        SessionRecord session = seed(builder);

        Cli.Result result = check(cli().stdin(tokenOf(builder) + "\n").run("validate", "-", "--json"));

        assertEquals(0, result.exit(), result::toString);
        Map<String, Object> json = JsonParser.object(result.out());
        assertEquals(true, json.get("valid"));
        assertFalse(json.containsKey("reason"));
        assertEquals(session.id().value(), ((Map<?, ?>) json.get("session")).get("id"));
    }

    @Test
    void validateWhenIdleTimeoutPassedThenInvalidAndLeftForCleanup() {
        Sessions builder = aSession();
        SessionRecord session = seed(builder);
        clock.set(at(Duration.ofMinutes(31)));

        Cli.Result text = run("validate", tokenOf(builder));
        Cli.Result json = run("validate", "--json", tokenOf(builder));

        assertEquals(1, text.exit(), text::toString);
        assertTrue(text.out().startsWith("Invalid: the session passed its idle timeout 1m ago; the next cleanup "
                + "ends it.\n"), text::toString);
        assertEquals(1, json.exit());
        assertEquals("expired-idle", JsonParser.object(json.out()).get("reason"));
        assertTrue(stored(session).isActive(), "validate ends nothing");
    }

    @Test
    void validateWhenAbsoluteTimeoutPassedThenExpiredAbsolute() {
        Sessions builder = aSession().absoluteTimeout(Duration.ofMinutes(20));
        seed(builder);
        clock.set(at(Duration.ofHours(2)));

        Map<String, Object> json = JsonParser.object(run("validate", "--json", tokenOf(builder)).out());

        assertEquals(false, json.get("valid"));
        assertEquals("expired-absolute", json.get("reason"));
    }

    @Test
    void validateWhenEndedThenInvalidNamingTheEndReason() {
        Sessions builder = aSession();
        SessionRecord session = seed(builder);
        end(session, EndReason.LOGOUT, at(MINUTE));
        clock.set(at(MINUTE.multipliedBy(3)));

        Cli.Result text = run("validate", tokenOf(builder));
        Map<String, Object> json = JsonParser.object(run("validate", tokenOf(builder), "--json").out());

        assertEquals(1, text.exit());
        assertTrue(text.out().startsWith("Invalid: the session ended (logout) 2m ago.\n"), text::toString);
        assertEquals("ended", json.get("reason"));
        assertEquals("logout", ((Map<?, ?>) json.get("session")).get("endReason"));
    }

    @Test
    void validateWhenNoSessionHasTheTokenThenInvalidUnknown() {
        seed(aSession());
        String unknown = unknownToken();

        Cli.Result text = run("validate", unknown);
        Cli.Result json = run("validate", unknown, "--json");

        assertEquals(1, text.exit());
        assertEquals("Invalid: no session has this token.\n", text.out());
        assertEquals(Map.of("valid", false, "reason", "unknown"), JsonParser.object(json.out()));
    }

    @Test
    void validateWhenTokenStartsWithDashThenReadAsTheToken() {
        for (String prefix : List.of("-", "-h", "--")) {
            String token = startingWith(prefix, 43);
            seed(withIdAndToken(aSession().build(), SessionId.random(new java.security.SecureRandom()), token));

            assertEquals(0, run("validate", token).exit(), prefix);
        }
    }

    /** Every header starts its column: each row has a blank before it and a value at it. */
    private static void assertColumnsAligned(List<String> lines) {
        String header = lines.get(0);
        for (String column : SessionViews.COLUMNS) {
            int at = header.indexOf(column);
            for (String row : lines.subList(1, lines.size())) {
                assertTrue(row.charAt(at - (at == 0 ? 0 : 1)) == ' ' || at == 0, () -> column + " in " + lines);
                assertTrue(row.charAt(at) != ' ', () -> column + " in " + lines);
            }
        }
    }

    private static String row(List<String> lines, SessionRecord session) {
        return lines.stream().filter(l -> l.startsWith(session.id().value())).findFirst().orElseThrow();
    }
}
