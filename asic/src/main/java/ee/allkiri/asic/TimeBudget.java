package ee.allkiri.asic;

import ee.allkiri.asic.container.ContainerLimits;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Holds one container's verification to the verifier's time budget: the work runs on a thread
 * of its own (a daemon, named {@code allkiri-verify-N}, inheriting the caller's context class
 * loader) while the caller waits at most the budget. The budget is
 * {@link ContainerLimits#timeBudgetFor(int)}: {@code timeBudgetFor(0)} until the task says how
 * many signature files the container has, then that many signatures' worth. Past it, the caller
 * gets a report with {@code LIMIT_TIME} and no signatures; the worker is interrupted, stops
 * between signatures and its late result is dropped. Work that Java cannot interrupt (one DSS
 * validation, one digest) runs to its own end on the abandoned thread, bounded by the other
 * limits. Thread-safe.
 */
final class TimeBudget {

    /** One verification; it reports the container's number of signature files as soon as it knows it. */
    @FunctionalInterface
    interface Task {
        ContainerReport run(IntConsumer signatures) throws IOException;
    }

    private final ContainerLimits limits;
    private final AtomicLong started = new AtomicLong();

    TimeBudget(ContainerLimits limits) {
        this.limits = limits;
    }

    /**
     * Runs the task within the budget.
     *
     * @throws IOException           what the task throws (the source cannot be read)
     * @throws CancellationException when the calling thread is interrupted while it waits (its
     *                               interrupt status is set again)
     */
    ContainerReport run(String path, Task task) throws IOException {
        long start = System.nanoTime();
        AtomicInteger signatures = new AtomicInteger(-1);
        FutureTask<ContainerReport> future = new FutureTask<>(() -> task.run(signatures::set));
        Thread worker = new Thread(future, "allkiri-verify-" + started.incrementAndGet());
        worker.setDaemon(true);
        worker.start();
        try {
            while (true) {
                long remaining = nanos(budget(signatures.get())) - (System.nanoTime() - start);
                if (remaining <= 0) {
                    future.cancel(true);
                    return exceeded(path, signatures.get());
                }
                try {
                    return future.get(remaining, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // the budget may have grown meanwhile, when the container's signatures were counted
                }
            }
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while verifying " + path);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private Duration budget(int signatures) {
        return limits.timeBudgetFor(Math.max(0, signatures));
    }

    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private ContainerReport exceeded(String path, int signatures) {
        String how = limits.timeBudgetPerSignature().isZero() ? "" : signatures < 0
                ? " (" + limits.timeBudget() + " before the container's signatures were counted)"
                : " (" + limits.timeBudget() + " + " + limits.timeBudgetPerSignature() + " x " + signatures + " signatures)";
        return new ContainerReport(path, List.of(Finding.of(FindingCode.LIMIT_TIME, null,
                "verification took longer than the time budget of " + budget(signatures) + how)), List.of(), List.of());
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
