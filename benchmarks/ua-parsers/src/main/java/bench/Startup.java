package bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;

/** One fresh-JVM run: build time, time to first parse, retained heap after a full GC. Arg: uap | yauaa | yauaa-min. */
public final class Startup {
    public static void main(String[] args) {
        String which = args[0];
        String[] uas = Uas.uas();
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        fullGc();
        long before = mem.getHeapMemoryUsage().getUsed();
        long t0 = System.nanoTime();
        Object parser = Parsers.build(which);
        long t1 = System.nanoTime();
        String first = Parsers.classify(parser, uas[0]);
        long t2 = System.nanoTime();
        fullGc();
        long afterBuild = mem.getHeapMemoryUsage().getUsed();
        for (String ua : uas) {
            Parsers.classify(parser, ua);
        }
        fullGc();
        long afterList = mem.getHeapMemoryUsage().getUsed();
        Reference.reachabilityFence(parser);
        System.out.printf("%s build_ms=%.0f first_parse_ms=%.1f jvm_uptime_at_ready_ms=%d retained_mb=%.1f"
                        + " retained_after_list_mb=%.1f (%s)%n",
                which, (t1 - t0) / 1e6, (t2 - t1) / 1e6, ManagementFactory.getRuntimeMXBean().getUptime(),
                (afterBuild - before) / 1048576.0, (afterList - before) / 1048576.0, first);
    }

    private static void fullGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }
}
