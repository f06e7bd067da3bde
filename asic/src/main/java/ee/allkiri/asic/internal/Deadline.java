package ee.allkiri.asic.internal;

import java.time.Duration;

/**
 * When one verification must stop: its time budget, measured from the moment it was asked for
 * (it may grow once the container's signatures are counted), or earlier when the caller stopped
 * waiting ({@link #cancel()}). The work checks it between steps (each entry read, each data-file
 * buffer digested, each reference, before and after each signature, before each DSS call, in the
 * fast path) and stops with {@link Exceeded}, so that work nobody waits for any more ends soon
 * after its budget. Thread-safe: the signatures of one container may be verified on several
 * threads against one deadline.
 */
public final class Deadline {

    private final long start;
    private volatile long budgetNanos;
    private volatile boolean cancelled;

    private Deadline(long start, long budgetNanos) {
        this.start = start;
        this.budgetNanos = budgetNanos;
    }

    /** A deadline the budget after now. */
    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime(), nanos(budget));
    }

    /** A deadline that never passes unless cancelled (for reading outside a verification). */
    public static Deadline none() {
        return new Deadline(System.nanoTime(), Long.MAX_VALUE);
    }

    /** Sets the budget, still measured from the start (it grows when the container's signatures are counted). */
    public void budget(Duration budget) {
        this.budgetNanos = nanos(budget);
    }

    /** Nanoseconds left; zero or less once passed or cancelled. */
    public long remainingNanos() {
        if (cancelled) {
            return 0;
        }
        long used = System.nanoTime() - start;
        return budgetNanos == Long.MAX_VALUE ? Long.MAX_VALUE : budgetNanos - used;
    }

    /** Whether the work must stop. */
    public boolean passed() {
        return remainingNanos() <= 0;
    }

    /** Stops the work at its next check: nobody waits for its result any more. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Throws when the work must stop.
     *
     * @throws Exceeded when the budget has passed or the verification was cancelled
     */
    public void check() {
        if (passed()) {
            throw new Exceeded();
        }
    }

    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The verification ran past its deadline: its result would be dropped, so the work stops. */
    public static final class Exceeded extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Exceeded() {
            super("past the verification's time budget", null, false, false);
        }
    }
}
