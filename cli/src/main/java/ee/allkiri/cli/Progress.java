package ee.allkiri.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress report on standard error, shown only when the command runs in a terminal
 * (never on a pipe or in CI logs). Thread-safe.
 */
final class Progress {

    private final PrintStream err;
    private final int containers;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger signatures = new AtomicInteger();

    private Progress(PrintStream err, int containers) {
        this.err = err;
        this.containers = containers;
    }

    static Progress onTerminal(int containers) {
        return new Progress(System.console() != null ? System.err : null, containers);
    }

    void done(int signaturesInContainer) {
        int n = done.incrementAndGet();
        int s = signatures.addAndGet(signaturesInContainer);
        if (err != null) {
            synchronized (this) {
                err.printf("\rverified %d/%d containers, %d signatures", n, containers, s);
                err.flush();
            }
        }
    }

    void finish() {
        if (err != null && done.get() > 0) {
            err.println();
        }
    }
}
