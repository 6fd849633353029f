package bench;

import java.util.concurrent.TimeUnit;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import ua_parser.Parser;

/** Uncached parse cost per user agent, averaged over the whole list (one op = one UA). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseBenchmark {
    static final int N = Uas.uas().length;

    String[] uas;
    Parser uap;
    UserAgentAnalyzer yauaa;
    UserAgentAnalyzer yauaaMin;

    @Setup
    public void setUp() {
        uas = Uas.uas();
        uap = (Parser) Parsers.build("uap");
        yauaa = (UserAgentAnalyzer) Parsers.build("yauaa");
        yauaaMin = (UserAgentAnalyzer) Parsers.build("yauaa-min");
        if (uas.length != N) throw new IllegalStateException();
    }

    @Benchmark
    @OperationsPerInvocation(58)
    public void uapJava(Blackhole bh) {
        for (String ua : uas) bh.consume(uap.parse(ua));
    }

    @Benchmark
    @OperationsPerInvocation(58)
    public void yauaaAllFields(Blackhole bh) {
        for (String ua : uas) bh.consume(yauaa.parse(ua));
    }

    @Benchmark
    @OperationsPerInvocation(58)
    public void yauaaThreeFields(Blackhole bh) {
        for (String ua : uas) bh.consume(yauaaMin.parse(ua));
    }
}
