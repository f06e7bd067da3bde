package ee.allkiri.cli;

import ee.allkiri.asic.VerificationListener;
import ee.allkiri.core.SignatureReport;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times one container's verification from the verifier's callbacks. Each verifying thread does
 * one signature after another, so a signature's time is the time since the same thread's
 * previous event (the container opening, or its previous signature). Thread-safe.
 */
final class ContainerClock implements VerificationListener {

    private final VerificationListener next;
    private final long start = System.nanoTime();
    private volatile long opened = start;
    private final Map<Thread, Long> lastOnThread = new ConcurrentHashMap<>();
    private final Map<String, Duration> signatures = new ConcurrentHashMap<>();

    ContainerClock(VerificationListener next) {
        this.next = next;
    }

    @Override
    public void containerOpened(String container, int signatureCount) {
        opened = System.nanoTime();
        next.containerOpened(container, signatureCount);
    }

    @Override
    public void signatureVerified(String container, SignatureReport report) {
        long now = System.nanoTime();
        Long previous = lastOnThread.put(Thread.currentThread(), now);
        long since = previous == null ? opened : Math.max(previous, opened);
        signatures.put(report.file(), Duration.ofNanos(now - since));
        next.signatureVerified(container, report);
    }

    /** The times, now that the container is done. */
    Timings.ContainerTime stop() {
        long end = System.nanoTime();
        long openedAt = opened == start ? end : opened;
        return new Timings.ContainerTime(Duration.ofNanos(end - start), Duration.ofNanos(openedAt - start), signatures);
    }
}
