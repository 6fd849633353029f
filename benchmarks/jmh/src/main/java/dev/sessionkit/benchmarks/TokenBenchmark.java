package dev.sessionkit.benchmarks;

import dev.sessionkit.token.SessionToken;
import dev.sessionkit.token.TokenGenerator;
import dev.sessionkit.token.TokenHash;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Token generation and hashing. Baseline: {@link #baselineSecureRandom32Bytes()}, the 32 random bytes a token is
 * made of, so the ratios show what encoding (next) and SHA-256 (hash) add on top of the entropy source.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenBenchmark {

    private SecureRandom random;
    private TokenGenerator generator;
    private SessionToken token;

    @Setup
    public void setUp() {
        random = new SecureRandom();
        generator = TokenGenerator.secureRandom(new SecureRandom());
        token = generator.next();
    }

    /** The baseline: 32 bytes from a default SecureRandom, a fresh array each time as a token needs. */
    @Benchmark
    public byte[] baselineSecureRandom32Bytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    @Benchmark
    public SessionToken tokenNext() {
        return generator.next();
    }

    @Benchmark
    public TokenHash tokenHash() {
        return token.hash();
    }
}
