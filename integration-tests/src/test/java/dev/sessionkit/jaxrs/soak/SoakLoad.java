package dev.sessionkit.jaxrs.soak;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mixed load: worker threads that loop without pausing, each step either a paced action (login, logout,
 * ending another session of the same user, "sign out others", probing a long-idle session) or, most of the time,
 * an authenticated read with a random live session on a random node; plus a few "sleepy" users whose single
 * session is used at long intervals just under its idle deadline.
 *
 * <p>Logins and ends are paced in time, not in steps, so the session population (and with it how many sessions
 * are evicted, expire idle or reach the absolute timeout) is the same on a fast machine and a loaded one; only the
 * number of reads varies.
 */
final class SoakLoad {

    /** Total logins per second over all workers; a quarter of them leave their session unused (dormant). */
    private static final double LOGINS_PER_SECOND = 6;
    private static final double DORMANT_SHARE = 0.25;
    private static final double LOGOUTS_PER_SECOND = 1;
    private static final double DELETES_PER_SECOND = 1;
    private static final double SIGN_OUT_OTHERS_PER_SECOND = 0.2;
    private static final double PROBES_PER_SECOND = 0.5;

    private final SoakClient client;
    private final int users;
    private final int sleepyUsers;
    private final Duration idleTimeout;
    private final Duration idleDeadline;
    private final long seed;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Pool pool = new Pool();
    private final double[] cumulativeWeights;
    private final Pacer logins = new Pacer(LOGINS_PER_SECOND);
    private final Pacer logouts = new Pacer(LOGOUTS_PER_SECOND);
    private final Pacer deletes = new Pacer(DELETES_PER_SECOND);
    private final Pacer signOutOthers = new Pacer(SIGN_OUT_OTHERS_PER_SECOND);
    private final Pacer probes = new Pacer(PROBES_PER_SECOND);
    private final List<Future<?>> running = new ArrayList<>();
    private ExecutorService workers;
    private ScheduledExecutorService sleepers;

    /**
     * @param client the HTTP client
     * @param users how many ordinary users sign in (chosen with Zipf-like weights: a few sign in often and are
     *     evicted by the session limit, most rarely, so their sessions live until they expire)
     * @param sleepyUsers how many users each keep one session alive at long intervals
     * @param idleTimeout the nodes' idle timeout
     * @param idleDeadline how long after its last touch a session stays valid (idle timeout + touch interval)
     * @param seed the randomness, printed by the test
     */
    SoakLoad(SoakClient client, int users, int sleepyUsers, Duration idleTimeout, Duration idleDeadline,
            long seed) {
        this.client = client;
        this.users = users;
        this.sleepyUsers = sleepyUsers;
        this.idleTimeout = idleTimeout;
        this.idleDeadline = idleDeadline;
        this.seed = seed;
        this.cumulativeWeights = new double[users];
        double sum = 0;
        for (int i = 0; i < users; i++) {
            sum += 1.0 / (i + 1);
            cumulativeWeights[i] = sum;
        }
    }

    void start(int workerCount) {
        AtomicInteger names = new AtomicInteger();
        workers = Executors.newFixedThreadPool(workerCount,
                r -> new Thread(r, "soak-worker-" + names.incrementAndGet()));
        for (int i = 0; i < workerCount; i++) {
            SplittableRandom random = new SplittableRandom(seed + i);
            running.add(workers.submit(() -> work(random)));
        }
        ScheduledThreadPoolExecutor sleeping = new ScheduledThreadPoolExecutor(2,
                r -> new Thread(r, "soak-sleepy-" + names.incrementAndGet()));
        // At stop, a sleeper's next visit is dropped but a visit under way is answered: interrupting it (as
        // shutdownNow did) broke its request off and was counted as a transport error of the product.
        sleeping.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        sleepers = sleeping;
        for (int i = 0; i < sleepyUsers; i++) {
            new Sleepy("sleepy-" + i, new SplittableRandom(seed - 1 - i)).next(0);
        }
    }

    /** Stops the load and waits until every request in flight is answered; rethrows what a worker threw. */
    void stop() throws Exception {
        stopping.set(true);
        workers.shutdown();
        sleepers.shutdown();
        if (!workers.awaitTermination(1, TimeUnit.MINUTES) || !sleepers.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new AssertionError("the load did not stop within a minute");
        }
        for (Future<?> worker : running) {
            worker.get();
        }
    }

    private void work(SplittableRandom random) {
        while (!stopping.get()) {
            try {
                step(random);
            } catch (RuntimeException e) {
                client.problems().add("worker failure", e.toString());
            }
        }
    }

    private void step(SplittableRandom random) {
        int node = random.nextInt(client.nodeCount());
        if (logins.tryAcquire()) {
            String user = "user-" + zipfUser(random);
            boolean dormant = random.nextDouble() < DORMANT_SHARE;
            client.login(user, "user", dormant ? SoakLedger.Kind.DORMANT : SoakLedger.Kind.POOL, node)
                    .ifPresent(pool::add);
            return;
        }
        if (logouts.tryAcquire()) {
            SoakLedger.Session session = pool.any(random);
            if (session != null) {
                pool.drop(session);
                client.logout(session, node);
                return;
            }
        }
        if (deletes.tryAcquire()) {
            SoakLedger.Session[] pair = pool.twoOfOneUser(random);
            if (pair != null) {
                if (client.endOther(pair[0], pair[1], node) == 204) {
                    pool.drop(pair[1]);
                } else {
                    pool.drop(pair[0]);
                }
                return;
            }
        }
        if (signOutOthers.tryAcquire()) {
            SoakLedger.Session keeper = pool.any(random);
            if (keeper != null) {
                if (client.endOthers(keeper, node) == 200) {
                    pool.dropOthersOf(keeper);
                } else {
                    pool.drop(keeper);
                }
                return;
            }
        }
        if (probes.tryAcquire()) {
            // Probed well after the idle deadline of a session nobody used since its login: must be refused.
            SoakLedger.Session dormant = pool.dormantIdleFor(idleDeadline.plusSeconds(1).toNanos());
            if (dormant != null) {
                client.probe(dormant, node);
                return;
            }
        }
        SoakLedger.Session session = pool.any(random);
        if (session == null) {
            return;
        }
        if (client.use(session, node, random.nextInt(10) < 6 ? 0 : random.nextInt(1, 3)) == 401) {
            pool.drop(session);
        }
    }

    private int zipfUser(SplittableRandom random) {
        double pick = random.nextDouble() * cumulativeWeights[users - 1];
        for (int i = 0; i < users; i++) {
            if (pick < cumulativeWeights[i]) {
                return i;
            }
        }
        return users - 1;
    }

    /**
     * One user with one session, used at intervals drawn between {@code idleTimeout - 1 s} and just under the idle
     * deadline: each request is accepted and records activity while the previous activity is close to running
     * out, which is when a lost or late activity write would end the session early. Signs in again once the
     * session is refused (it reaches the absolute timeout).
     */
    private final class Sleepy {
        private final String user;
        private final SplittableRandom random;
        private SoakLedger.Session session;

        Sleepy(String user, SplittableRandom random) {
            this.user = user;
            this.random = random;
        }

        void next(long delayMillis) {
            if (stopping.get()) {
                return;
            }
            try {
                sleepers.schedule(this::act, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stoppedMeanwhile) {
                // stop() came between the check and the schedule: this user's visits are over, as intended.
                return;
            }
        }

        private void act() {
            int node = random.nextInt(client.nodeCount());
            if (session == null) {
                session = client.login(user, "user", SoakLedger.Kind.SLEEPY, node).orElse(null);
            } else if (client.use(session, node, 0) != 200) {
                session = null;
                next(0);
                return;
            }
            long low = idleTimeout.minusSeconds(1).toMillis();
            long high = idleDeadline.minusMillis(200).toMillis();
            next(random.nextLong(low, high));
        }
    }

    /** Paces an action in time: at most one grant per interval over all threads. */
    private static final class Pacer {
        private final long interval;
        private final AtomicLong next = new AtomicLong(System.nanoTime());

        Pacer(double perSecond) {
            this.interval = (long) (1e9 / perSecond);
        }

        boolean tryAcquire() {
            long now = System.nanoTime();
            long due = next.get();
            // After a stall the pace resumes without a burst of catch-up grants.
            return now - due >= 0 && next.compareAndSet(due, Math.max(due, now - interval) + interval);
        }
    }

    /** The live sessions the workers share, and the dormant ones waiting to be probed (oldest first). */
    private static final class Pool {
        private final List<SoakLedger.Session> live = new ArrayList<>();
        private final ArrayDeque<SoakLedger.Session> dormant = new ArrayDeque<>();

        synchronized void add(SoakLedger.Session session) {
            if (session.kind() == SoakLedger.Kind.DORMANT) {
                dormant.add(session);
            } else {
                live.add(session);
            }
        }

        synchronized SoakLedger.Session any(SplittableRandom random) {
            return live.isEmpty() ? null : live.get(random.nextInt(live.size()));
        }

        synchronized SoakLedger.Session[] twoOfOneUser(SplittableRandom random) {
            if (live.size() < 2) {
                return null;
            }
            int first = random.nextInt(live.size());
            SoakLedger.Session caller = live.get(first);
            for (int i = 1; i < live.size(); i++) {
                SoakLedger.Session other = live.get((first + i) % live.size());
                if (other.user().equals(caller.user())) {
                    return new SoakLedger.Session[] {caller, other};
                }
            }
            return null;
        }

        synchronized void drop(SoakLedger.Session session) {
            live.remove(session);
        }

        synchronized void dropOthersOf(SoakLedger.Session keeper) {
            live.removeIf(s -> s != keeper && s.user().equals(keeper.user()));
        }

        synchronized SoakLedger.Session dormantIdleFor(long nanos) {
            SoakLedger.Session oldest = dormant.peek();
            return oldest != null && System.nanoTime() - oldest.received() > nanos ? dormant.poll() : null;
        }
    }
}
