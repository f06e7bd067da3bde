package ee.allkiri.asic;

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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds one container's verification to the verifier's time budget: the work runs on a thread
 * of its own (a daemon, named {@code allkiri-verify-N}, inheriting the caller's context class
 * loader) while the caller waits at most the budget. Past it, the caller gets a report with
 * {@code LIMIT_TIME} and no signatures; the worker is interrupted, stops between signatures and
 * its late result is dropped. Work that Java cannot interrupt (one DSS validation, one digest)
 * runs to its own end on the abandoned thread, bounded by the other limits. Thread-safe.
 */
final class TimeBudget {

    /** One verification. */
    @FunctionalInterface
    interface Task {
        ContainerReport run() throws IOException;
    }

    private final Duration budget;
    private final AtomicLong started = new AtomicLong();

    TimeBudget(Duration budget) {
        this.budget = budget;
    }

    /**
     * Runs the task within the budget.
     *
     * @throws IOException           what the task throws (the source cannot be read)
     * @throws CancellationException when the calling thread is interrupted while it waits (its
     *                               interrupt status is set again)
     */
    ContainerReport run(String path, Task task) throws IOException {
        FutureTask<ContainerReport> future = new FutureTask<>(task::run);
        Thread worker = new Thread(future, "allkiri-verify-" + started.incrementAndGet());
        worker.setDaemon(true);
        worker.start();
        try {
            return future.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return exceeded(path);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while verifying " + path);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private ContainerReport exceeded(String path) {
        return new ContainerReport(path, List.of(Finding.of(FindingCode.LIMIT_TIME, null,
                "verification took longer than the time budget of " + budget)), List.of(), List.of());
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
