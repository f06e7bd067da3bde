package ee.allkiri.asic;

import ee.allkiri.asic.internal.Deadline;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Runs the verifications of one verifier on its own bounded pool and holds each to its time
 * budget. The pool has a fixed number of daemon threads ({@code allkiri-verify-N}), which end
 * after {@link #KEEP_ALIVE} without work, and a bounded queue; a verification that finds both
 * full is refused at once ({@link RejectedExecutionException}). The caller waits at most the
 * budget, {@link ContainerLimits#timeBudgetFor(int)} counted from the call: {@code timeBudgetFor(0)}
 * until the task says how many signature files the container has, then that many signatures'
 * worth. Past it the caller gets a report with {@code LIMIT_TIME} and no signatures, the task is
 * taken off the queue or cancelled, and its {@link Deadline} makes the work stop at its next
 * check. Thread-safe.
 */
final class TimeBudget {

    /** The verifying threads' names start with this. */
    static final String THREAD_NAME = "allkiri-verify-";

    /** How long an idle verifying thread lives. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

    /** One verification; it reports the container's number of signature files as soon as it knows it. */
    @FunctionalInterface
    interface Task {
        ContainerReport run(Deadline deadline, IntConsumer signatures) throws IOException;
    }

    /** Counts since the pool was made. */
    record Counts(int running, int queued, long timedOut, long rejected) {
    }

    private final ContainerLimits limits;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    /**
     * @param threads how many verifications run at once
     * @param queue   how many more may wait for a thread
     */
    TimeBudget(ContainerLimits limits, int threads, int queue) {
        this.limits = limits;
        BlockingQueue<Runnable> waiting = queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
        this.pool = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS, waiting,
                daemons(Thread.currentThread().getContextClassLoader()), new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** Verifications running, waiting, past their budget and refused so far. */
    Counts counts() {
        return new Counts(running.get(), pool.getQueue().size(), timedOut.get(), rejected.get());
    }

    /**
     * Runs the task on the pool within the budget.
     *
     * @throws IOException                what the task throws (the source cannot be read)
     * @throws RejectedExecutionException when every thread is busy and the queue is full
     * @throws CancellationException      when the calling thread is interrupted while it waits (its
     *                                    interrupt status is set again)
     */
    ContainerReport run(String path, Task task) throws IOException {
        Deadline deadline = Deadline.after(limits.timeBudgetFor(0));
        AtomicInteger signatures = new AtomicInteger(-1);
        FutureTask<ContainerReport> future = new FutureTask<>(() -> {
            running.incrementAndGet();
            try {
                deadline.check(); // it waited in the queue past its budget
                ContainerReport report = task.run(deadline, n -> {
                    signatures.set(n);
                    deadline.budget(limits.timeBudgetFor(n));
                });
                deadline.check(); // finished past its budget: never handed out, whenever the caller wakes
                return report;
            } finally {
                running.decrementAndGet();
            }
        });
        try {
            pool.execute(future);
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            throw new RejectedExecutionException("the verifier is busy: " + pool.getMaximumPoolSize()
                    + " verifications running and " + pool.getQueue().size() + " waiting; try again later", e);
        }
        try {
            while (true) {
                long remaining = deadline.remainingNanos();
                if (remaining <= 0) {
                    return exceeded(path, signatures.get(), deadline, future);
                }
                try {
                    return future.get(remaining, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // the budget may have grown meanwhile, when the container's signatures were counted
                }
            }
        } catch (InterruptedException e) {
            deadline.cancel();
            future.cancel(true);
            pool.remove(future);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while verifying " + path);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Deadline.Exceeded) {
                return exceeded(path, signatures.get(), deadline, future);
            }
            throw rethrow(e.getCause());
        }
    }

    private ContainerReport exceeded(String path, int signatures, Deadline deadline, FutureTask<ContainerReport> future) {
        deadline.cancel();
        future.cancel(true);
        pool.remove(future);
        timedOut.incrementAndGet();
        String how = limits.timeBudgetPerSignature().isZero() ? "" : signatures < 0
                ? " (" + limits.timeBudget() + " before the container's signatures were counted)"
                : " (" + limits.timeBudget() + " + " + limits.timeBudgetPerSignature() + " x " + signatures + " signatures)";
        return new ContainerReport(path, List.of(Finding.of(FindingCode.LIMIT_TIME, null,
                "verification took longer than the time budget of " + limits.timeBudgetFor(Math.max(0, signatures)) + how)),
                List.of(), List.of());
    }

    private static ThreadFactory daemons(ClassLoader contextLoader) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, THREAD_NAME + n.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(contextLoader);
            return t;
        };
    }

    private static IOException rethrow(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(cause);
    }
}
