package dev.sessionkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one owner of Sessionkit's periodic threads: runs each {@link PeriodicTask} on a daemon thread of its own (so
 * that a long cleanup never delays the activity flush), and on {@link #close()} stops them and waits until every
 * thread has ended, so a container that checks a stopped web app for leftover threads finds none. The servlet layer
 * starts one per web app; an app that uses {@link Sessionkit} without the filter starts it itself.
 */
public final class BackgroundWork implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BackgroundWork.class.getName());

    private final List<ScheduledExecutorService> executors = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private BackgroundWork(List<PeriodicTask> tasks, String threadSuffix) {
        for (PeriodicTask task : tasks) {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "sessionkit-" + task.name() + threadSuffix);
                thread.setDaemon(true);
                synchronized (threads) {
                    threads.add(thread);
                }
                return thread;
            });
            long period = task.period().toMillis();
            executor.scheduleWithFixedDelay(task.work(), period, period, TimeUnit.MILLISECONDS);
            executors.add(executor);
        }
    }

    /**
     * Starts running the tasks, each first after one period.
     *
     * @param tasks what to run, typically {@link Sessionkit#periodicTasks()}
     * @param threadSuffix appended to each thread's name, e.g. the web app's context path; may be empty
     * @return the running work; close it before closing Sessionkit
     */
    public static BackgroundWork start(List<PeriodicTask> tasks, String threadSuffix) {
        return new BackgroundWork(List.copyOf(tasks), Objects.requireNonNull(threadSuffix, "threadSuffix"));
    }

    /**
     * Stops every task: a run under way may finish for up to 5 s (a flush writing its batch), then is interrupted;
     * then waits for the threads to end.
     */
    @Override
    public void close() {
        executors.forEach(ScheduledExecutorService::shutdown);
        try {
            for (ScheduledExecutorService executor : executors) {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                    if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                        LOG.log(System.Logger.Level.WARNING, "A Sessionkit background task did not stop within 10 s");
                    }
                }
            }
            List<Thread> started;
            synchronized (threads) {
                started = List.copyOf(threads);
            }
            for (Thread thread : started) {
                // A terminated pool's thread may still be finishing; containers check right after undeploy.
                thread.join(TimeUnit.SECONDS.toMillis(1));
            }
        } catch (InterruptedException e) {
            executors.forEach(ScheduledExecutorService::shutdownNow);
            Thread.currentThread().interrupt();
        }
    }
}
