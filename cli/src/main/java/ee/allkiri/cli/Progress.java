package ee.allkiri.cli;

import ee.allkiri.asic.VerificationListener;
import ee.allkiri.core.SignatureReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress report on standard error, counting signatures as they are verified (a
 * bundle is one container with thousands of them). Shown only when standard error is a terminal:
 * never on a pipe, in a file or in CI logs. Thread-safe.
 */
final class Progress implements VerificationListener {

    private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(200);

    private final PrintStream err;
    private final int containers;
    private final AtomicInteger containersDone = new AtomicInteger();
    private final AtomicInteger signatures = new AtomicInteger();
    private final AtomicInteger signaturesDone = new AtomicInteger();
    private final AtomicLong lastPrint = new AtomicLong(System.nanoTime() - INTERVAL);

    Progress(PrintStream err, int containers) {
        this.err = err;
        this.containers = containers;
    }

    /** Progress on standard error if it is a terminal, otherwise silent. */
    static Progress onTerminal(int containers) {
        return new Progress(stderrIsTerminal() ? System.err : null, containers);
    }

    /**
     * Whether file descriptor 2 is a terminal. On Linux its {@code /proc} link says so exactly;
     * elsewhere a console (standard input and output on a terminal) is the best the JDK tells.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    @Override
    public void containerOpened(String container, int count) {
        signatures.addAndGet(count);
        print(false);
    }

    @Override
    public void signatureVerified(String container, SignatureReport report) {
        signaturesDone.incrementAndGet();
        print(false);
    }

    /** A container's report is complete. */
    void containerDone() {
        containersDone.incrementAndGet();
        print(false);
    }

    /** Prints the final figures and ends the line, if anything was shown. */
    void finish() {
        if (err != null && containersDone.get() > 0) {
            print(true);
            err.println();
            err.flush();
        }
    }

    private void print(boolean force) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        long last = lastPrint.get();
        if (!force && (now - last < INTERVAL || !lastPrint.compareAndSet(last, now))) {
            return;
        }
        synchronized (this) {
            err.printf("\rverified %d/%d signatures in %d/%d containers", signaturesDone.get(), signatures.get(),
                    containersDone.get(), containers);
            err.flush();
        }
    }
}
