package dev.sessionkit.benchmarks;

import dev.sessionkit.device.DeviceInfo;
import dev.sessionkit.device.DeviceType;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.ActivityUpdate;
import dev.sessionkit.store.cache.BufferedActivityStore;
import dev.sessionkit.store.cache.CachingSessionStore;
import dev.sessionkit.store.cache.ForwardingSessionStore;
import dev.sessionkit.store.memory.InMemorySessionStore;
import dev.sessionkit.token.TokenHash;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Heap per cached session and per buffered activity, measured as the growth of the used heap after full
 * collections while the validation cache (or the activity buffer) fills with sessions read fresh from a store, as
 * from a database: every string a new object. Run with {@code java -cp benchmarks/jmh/target/benchmarks.jar
 * dev.sessionkit.benchmarks.CacheFootprint [SESSIONS]} (default 100,000) and a heap of at least 1 GB; it prints one
 * line per case, and how many sessions the default-size cache holds by its own estimate.
 */
public final class CacheFootprint {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String[] USER_AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    };

    private CacheFootprint() {
    }

    /**
     * Prints the measurements.
     *
     * @param args optionally the number of sessions
     */
    public static void main(String[] args) {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.out.printf("heap per cached session, %,d sessions (JVM %s, max heap %d MB)%n", sessions,
                Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        measureCache(sessions, false);
        measureCache(sessions, true);
        measureBuffer(sessions);
        Map<TokenHash, SessionRecord> store = populated(200_000, false);
        CachingSessionStore cache = new CachingSessionStore(new FreshCopies(store), Duration.ofMinutes(1), CLOCK,
                Optional.empty(), CachingSessionStore.DEFAULT_MAX_BYTES);
        for (TokenHash hash : hashes(200_000)) {
            cache.findByTokenHash(hash);
        }
        System.out.printf("the default %d MB cache holds %,d sessions by its estimate (%.0f bytes each)%n",
                CachingSessionStore.DEFAULT_MAX_BYTES >> 20, cache.cachedSessions(),
                (double) CachingSessionStore.DEFAULT_MAX_BYTES / cache.cachedSessions());
    }

    private static void measureCache(int sessions, boolean uniqueUserAgents) {
        Map<TokenHash, SessionRecord> store = populated(sessions, uniqueUserAgents);
        List<TokenHash> keys = hashes(sessions);
        CachingSessionStore cache = new CachingSessionStore(new FreshCopies(store), Duration.ofMinutes(1), CLOCK,
                Optional.empty(), 1L << 40);
        long before = usedAfterGc();
        for (TokenHash key : keys) {
            cache.findByTokenHash(new TokenHash(new String(key.hex())));
        }
        long after = usedAfterGc();
        System.out.printf("  cached session, %-28s %6.0f bytes (held %,d)%n",
                uniqueUserAgents ? "every User-Agent different:" : "5 common User-Agents:",
                (double) (after - before) / sessions, cache.cachedSessions());
        cache.close();
    }

    private static void measureBuffer(int sessions) {
        List<SessionId> ids = populated(sessions, false).values().stream().map(SessionRecord::id).toList();
        BufferedActivityStore buffer = new BufferedActivityStore(new InMemorySessionStore(), Duration.ofHours(1),
                CLOCK);
        long before = usedAfterGc();
        for (SessionId id : ids) {
            Instant at = NOW.plusSeconds(1);
            buffer.recordActivity(List.of(new ActivityUpdate(new SessionId(new String(id.value())), at,
                    at.plus(Duration.ofMinutes(30)), at.minusSeconds(60), NOW.plus(Duration.ofHours(2)))));
        }
        long after = usedAfterGc();
        System.out.printf("  buffered activity:                  %6.0f bytes (pending %,d)%n",
                (double) (after - before) / sessions, buffer.pendingCount());
    }

    /** A plain map: the in-memory store's create scans its sessions, too slow to fill with 10^6. */
    private static Map<TokenHash, SessionRecord> populated(int sessions, boolean uniqueUserAgents) {
        Map<TokenHash, SessionRecord> store = new HashMap<>();
        SecureRandom random = new SecureRandom();
        List<TokenHash> hashes = hashes(sessions);
        for (int i = 0; i < sessions; i++) {
            String agent = USER_AGENTS[i % USER_AGENTS.length] + (uniqueUserAgents ? " build/" + i : "");
            SessionRecord session = new SessionRecord(SessionId.random(random), hashes.get(i),
                    new SessionPrincipal("user-" + i, "user" + i + "@example.com", Set.of("user")), NOW, NOW,
                    NOW.plus(Duration.ofMinutes(30)), NOW.plus(Duration.ofHours(12)), Optional.empty(),
                    "203.0." + (i >> 8 & 255) + "." + (i & 255), agent,
                    new DeviceInfo(DeviceType.DESKTOP, "Chrome 131", "Windows 10"), Optional.empty(),
                    Optional.of(TokenHash.ofSecret("browser-" + i)));
            store.put(session.tokenHash(), session);
        }
        return store;
    }

    private static List<TokenHash> hashes(int sessions) {
        List<TokenHash> hashes = new ArrayList<>(sessions);
        for (int i = 0; i < sessions; i++) {
            hashes.add(TokenHash.ofSecret("token-" + i));
        }
        return hashes;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Returns each session as a database would: a new copy, no string shared with the store's own. */
    private static final class FreshCopies extends ForwardingSessionStore {
        private final Map<TokenHash, SessionRecord> sessions;

        FreshCopies(Map<TokenHash, SessionRecord> sessions) {
            super(new InMemorySessionStore());
            this.sessions = sessions;
        }

        @Override
        public Optional<SessionRecord> findByTokenHash(TokenHash tokenHash) {
            return Optional.ofNullable(sessions.get(tokenHash)).map(FreshCopies::copy);
        }

        private static SessionRecord copy(SessionRecord s) {
            return new SessionRecord(new SessionId(new String(s.id().value())),
                    new TokenHash(new String(s.tokenHash().hex())),
                    new SessionPrincipal(new String(s.userId()), new String(s.principal().username()),
                            Set.of(new String("user"))),
                    Instant.ofEpochSecond(s.createdAt().getEpochSecond(), s.createdAt().getNano()),
                    Instant.ofEpochSecond(s.lastAccessedAt().getEpochSecond(), s.lastAccessedAt().getNano()),
                    Instant.ofEpochSecond(s.idleExpiresAt().getEpochSecond(), s.idleExpiresAt().getNano()),
                    Instant.ofEpochSecond(s.absoluteExpiresAt().getEpochSecond(), s.absoluteExpiresAt().getNano()),
                    Optional.empty(), new String(s.ipAddress()), new String(s.userAgent()),
                    new DeviceInfo(s.device().type(), new String(s.device().browser()),
                            new String(s.device().os())),
                    Optional.empty(), s.browserIdHash().map(h -> new TokenHash(new String(h.hex()))));
        }
    }

}
