package dev.sessionkit.benchmarks;

import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.device.DeviceInfo;
import dev.sessionkit.policy.ExpiryPolicy;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.service.SessionService;
import dev.sessionkit.service.ValidationResult;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.cache.CachingSessionStore;
import dev.sessionkit.store.jpa.JpaSessionStores;
import dev.sessionkit.store.memory.InMemorySessionStore;
import dev.sessionkit.token.SessionToken;
import dev.sessionkit.token.TokenGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link SessionService#validate(String)} on the in-memory store (the floor), on the JPA store over embedded H2
 * (one real SQL round trip per call, EclipseLink's shared cache being off), and on the same H2 store behind the
 * validation cache ({@code h2-cached}: known tokens are cache hits, unknown ones misses that reach H2), with 10^3
 * and 10^5 stored sessions.
 *
 * <p>No writes happen while measuring: every session was created and last touched at {@link #T0}, and the service's
 * clock is fixed at T0 + 1 min, inside the 5 min touch interval, so {@link ExpiryPolicy#isTouchDue} is false and no
 * session is near a deadline. Baseline: {@link #baselineGarbageToken}, a 43-character token with a character outside
 * the token alphabet, rejected by {@code SessionToken.parse} before the store is asked.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ValidationBenchmark {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final ExpiryPolicy POLICY =
            new ExpiryPolicy(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofMinutes(5));
    static final Clock FIXED = Clock.fixed(T0.plus(Duration.ofMinutes(1)), ZoneOffset.UTC);

    /** How many distinct known tokens the measured loop cycles through (a power of two). */
    static final int SAMPLE = 1024;

    /** A service over an empty in-memory store, for the baseline. */
    @State(Scope.Benchmark)
    public static class Garbage {
        SessionService service;
        // Right length, '!' is outside [A-Za-z0-9_-]: the full format check runs, the store is never asked.
        final String token = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP!";

        @Setup(Level.Trial)
        public void setUp() {
            service = SessionService.builder(new InMemorySessionStore(), POLICY).clock(FIXED).build();
        }
    }

    /** A service over a seeded store. */
    @State(Scope.Benchmark)
    public static class Seeded {
        @Param({"memory", "h2", "h2-cached"})
        public String store;

        @Param({"1000", "100000"})
        public int sessions;

        SessionStore sessionStore;
        SessionService service;
        /** Tokens of stored sessions, spread over the whole range of rows. */
        final String[] known = new String[SAMPLE];
        /** Well-formed tokens that match no stored session. */
        final String[] unknown = new String[SAMPLE];
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            sessionStore = switch (store) {
                case "memory" -> new InMemorySessionStore();
                case "h2" -> JpaSessionStores.open("jdbc:h2:mem:bench" + sessions + ";DB_CLOSE_DELAY=-1", "sa", "",
                        SchemaMode.CREATE);
                // The validation cache in front of the same H2 store; entries live an hour here, so a known
                // token is a cache hit for the whole run, and an unknown one (never cached) a miss.
                case "h2-cached" -> new CachingSessionStore(JpaSessionStores.open("jdbc:h2:mem:benchc" + sessions
                        + ";DB_CLOSE_DELAY=-1", "sa", "", SchemaMode.CREATE), Duration.ofHours(1), FIXED);
                default -> throw new IllegalArgumentException(store);
            };
            SecureRandom random = new SecureRandom();
            TokenGenerator tokens = TokenGenerator.secureRandom(random);
            int stride = Math.max(1, sessions / SAMPLE);
            int users = Math.max(1, sessions / 10);
            long started = System.nanoTime();
            for (int i = 0; i < sessions; i++) {
                SessionToken token = tokens.next();
                SessionRecord record = new SessionRecord(SessionId.random(random), token.hash(),
                        SessionPrincipal.of("user-" + (i % users)), T0, T0, POLICY.idleDeadlineAfter(T0),
                        POLICY.absoluteDeadlineAfter(T0), Optional.empty(), "192.0.2." + (i % 250),
                        "Mozilla/5.0 (X11; Linux x86_64) Bench/" + i, DeviceInfo.unknown(), Optional.empty(),
                        Optional.empty());
                sessionStore.create(record, SessionLimit.unlimited(), T0);
                if (i % stride == 0 && i / stride < SAMPLE) {
                    known[i / stride] = token.reveal();
                }
            }
            for (int i = 0; i < SAMPLE; i++) {
                if (known[i] == null) {
                    known[i] = known[i % Math.min(sessions, SAMPLE)];
                }
                unknown[i] = tokens.next().reveal();
            }
            System.out.printf("%n[seeded %d sessions into %s in %d ms]%n", sessions, store,
                    (System.nanoTime() - started) / 1_000_000);
            service = SessionService.builder(sessionStore, POLICY).clock(FIXED).build();
            // Seeding leaves a lot of garbage (100k JPA inserts); collect it before measuring, not during.
            for (String token : known) {
                service.validate(token);
            }
            System.gc();
            System.gc();
            // Fail fast if the setup is wrong: a known token must be valid, an unknown one not.
            if (!(service.validate(known[SAMPLE - 1]) instanceof ValidationResult.Valid valid)
                    || service.validate(unknown[0]) instanceof ValidationResult.Valid) {
                throw new IllegalStateException("seeded store does not validate as expected");
            }
            // ... and validating must not have recorded activity (no write inside the touch interval).
            if (!valid.session().lastAccessedAt().equals(T0)
                    || !sessionStore.findByTokenHash(valid.session().tokenHash()).orElseThrow().lastAccessedAt()
                            .equals(T0)) {
                throw new IllegalStateException("validation wrote activity; the fixed clock is outside the interval");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            sessionStore.close();
        }

        int nextIndex() {
            return next++ & (SAMPLE - 1);
        }
    }

    @Benchmark
    public ValidationResult baselineGarbageToken(Garbage state) {
        return state.service.validate(state.token);
    }

    /** A token of a stored, active session: hash, lookup, judge; no write (clock inside the touch interval). */
    @Benchmark
    public ValidationResult validateKnown(Seeded state) {
        return state.service.validate(state.known[state.nextIndex()]);
    }

    /** A well-formed token that matches nothing: hash and a lookup that finds no row. */
    @Benchmark
    public ValidationResult validateUnknown(Seeded state) {
        return state.service.validate(state.unknown[state.nextIndex()]);
    }
}
