package dev.sessionkit.benchmarks;

import dev.sessionkit.device.DeviceDetector;
import dev.sessionkit.device.DeviceInfo;
import dev.sessionkit.device.UserAgentData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code DeviceDetector.standard().detect(..)}: uap-java behind Sessionkit's bounded cache (1024 entries).
 * Baseline: {@link #baselineNone()}, {@code DeviceDetector.none()} on the same input (for the uncached case also
 * {@link #baselineNoneFreshUa()}, which builds the same fresh input per call).
 *
 * <ul>
 *   <li>{@link #cachedSameUa()}: one user agent, always a cache hit.</li>
 *   <li>{@link #cachedRotating58()}: the 58 user agents of {@code uas.tsv} in turn; all fit the cache, so these
 *       are hits too, but on varied keys.</li>
 *   <li>{@link #uncachedRotating58()}: the same 58 with a per-call counter appended ({@code " sk/<n>"}), so every
 *       call misses the cache and runs the uap-java parse (plus an eviction once the cache is full). Rotating the 58
 *       alone would not measure misses: after the first pass they are all cached.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DeviceBenchmark {

    private DeviceDetector none;
    private DeviceDetector standard;
    private UserAgentData same;
    private UserAgentData[] rotating;
    private String[] rawUas;
    private int next;
    private long unique;

    @Setup
    public void setUp() {
        List<String> uas = loadUas();
        if (uas.size() < 58) {
            throw new IllegalStateException("expected 58+ user agents, got " + uas.size());
        }
        rawUas = uas.toArray(String[]::new);
        rotating = uas.stream().map(UserAgentData::of).toArray(UserAgentData[]::new);
        same = rotating[0];
        none = DeviceDetector.none();
        standard = DeviceDetector.standard();
    }

    private static List<String> loadUas() {
        List<String> uas = new ArrayList<>();
        try (InputStream in = DeviceBenchmark.class.getResourceAsStream("/uas.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab > 0 && !line.isBlank()) {
                    uas.add(line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uas;
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == rotating.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public DeviceInfo baselineNone() {
        return none.detect(same);
    }

    /**
     * A second baseline, for {@link #uncachedRotating58()} only: the same string building and
     * {@code UserAgentData.of} per call, answered by {@code DeviceDetector.none()}.
     */
    @Benchmark
    public DeviceInfo baselineNoneFreshUa() {
        return none.detect(UserAgentData.of(rawUas[nextIndex()] + " sk/" + unique++));
    }

    @Benchmark
    public DeviceInfo cachedSameUa() {
        return standard.detect(same);
    }

    @Benchmark
    public DeviceInfo cachedRotating58() {
        return standard.detect(rotating[nextIndex()]);
    }

    @Benchmark
    public DeviceInfo uncachedRotating58() {
        return standard.detect(UserAgentData.of(rawUas[nextIndex()] + " sk/" + unique++));
    }
}
