package dev.sessionkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.store.memory.InMemorySessionStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sessionkit starts no thread itself; {@link BackgroundWork} runs its periodic tasks, each on a thread of its own,
 * and leaves none behind when closed, as a container checks at undeploy.
 */
class BackgroundWorkTest {

    @Test
    void runsEachTaskAgainAndAgainOnItsOwnThreadAndLeavesNoThreadWhenClosed() throws Exception {
        CountDownLatch flushes = new CountDownLatch(3);
        CountDownLatch cleanups = new CountDownLatch(3);
        BackgroundWork work = BackgroundWork.start(List.of(
                new PeriodicTask("flush", Duration.ofMillis(10), flushes::countDown),
                new PeriodicTask("clean", Duration.ofMillis(10), cleanups::countDown)), "-test-app");

        assertTrue(flushes.await(30, TimeUnit.SECONDS), "the flush ran three times");
        assertTrue(cleanups.await(30, TimeUnit.SECONDS), "the cleanup ran three times");
        assertEquals(List.of("sessionkit-clean-test-app", "sessionkit-flush-test-app"), threadsNamed("-test-app"));

        work.close();

        assertEquals(List.of(), threadsNamed("-test-app"), "no thread is left after close");
    }

    @Test
    void buildingSessionkitStartsNoThread() {
        List<String> before = threadsNamed("");
        try (Sessionkit sessionkit = Sessionkit.builder(SessionkitSettings.builder().build())
                .store(new InMemorySessionStore()).build()) {
            assertEquals(before, threadsNamed(""), "only BackgroundWork starts Sessionkit's threads");
            assertEquals(List.of("activity-flush", "cleanup", "active-count"),
                    sessionkit.periodicTasks().stream().map(PeriodicTask::name).toList());
        }
    }

    @Test
    void aToolHasNoCacheNoBufferAndOnlyCleanupToRun() {
        InMemorySessionStore store = new InMemorySessionStore();
        try (Sessionkit tool = Sessionkit.builder(SessionkitSettings.builder().build()).store(store).forTools()
                .build()) {
            assertTrue(tool.store() == store, "requests go to the store of record itself");
            assertEquals(List.of("cleanup"), tool.periodicTasks().stream().map(PeriodicTask::name).toList());
            assertEquals(0, tool.flushActivity());
        }
    }

    private static List<String> threadsNamed(String suffix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("sessionkit-") && name.endsWith(suffix)).sorted().toList();
    }
}
