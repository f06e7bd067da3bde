package ee.allkiri.asic.container;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on what a container may make the verifier read, and for how long it may keep it busy.
 * They are configuration of one verifier, never JVM-wide. Exceeding one is a finding on the
 * container (a verdict), not an exception, never an OutOfMemoryError and never a hang.
 *
 * @param maxEntries          most ZIP entries a container may have
 * @param maxEntrySize        most uncompressed bytes in one entry
 * @param maxTotalSize        most uncompressed bytes in all entries together
 * @param maxCompressionRatio most uncompressed bytes per compressed byte of an entry ...
 * @param ratioThreshold      ... once the entry is larger than this many bytes
 * @param maxXmlSize          most bytes in one XML entry (manifest, a signature)
 * @param timeBudget          longest wall-clock time one verification of one container may take
 *                            ({@code LIMIT_TIME} past it)
 */
public record ContainerLimits(int maxEntries, long maxEntrySize, long maxTotalSize, int maxCompressionRatio,
                              long ratioThreshold, long maxXmlSize, Duration timeBudget) {

    /**
     * The default time budget, 10 minutes: long enough for a bundle of tens of thousands of
     * signatures, short enough that no container holds a verifier thread for good. A service
     * that verifies single uploads should lower it (e.g. to 30 seconds).
     */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMinutes(10);

    /** 200,000 entries (a bundle of 100,000 signatures fits), 1 GiB per entry, 4 GiB in all,
     * ratio 100 above 1 MiB, XML up to 16 MiB, 10 minutes per container. */
    public static final ContainerLimits DEFAULT =
            new ContainerLimits(200_000, 1L << 30, 4L << 30, 100, 1L << 20, 16L << 20, DEFAULT_TIME_BUDGET);

    public ContainerLimits {
        if (maxEntries < 1 || maxEntrySize < 1 || maxTotalSize < 1 || maxCompressionRatio < 1
                || ratioThreshold < 0 || maxXmlSize < 1) {
            throw new IllegalArgumentException("container limits must be positive");
        }
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("the time budget must be positive");
        }
    }

    /** Limits with the {@link #DEFAULT_TIME_BUDGET}. */
    public ContainerLimits(int maxEntries, long maxEntrySize, long maxTotalSize, int maxCompressionRatio,
                           long ratioThreshold, long maxXmlSize) {
        this(maxEntries, maxEntrySize, maxTotalSize, maxCompressionRatio, ratioThreshold, maxXmlSize, DEFAULT_TIME_BUDGET);
    }

    public ContainerLimits withMaxEntries(int value) {
        return new ContainerLimits(value, maxEntrySize, maxTotalSize, maxCompressionRatio, ratioThreshold, maxXmlSize,
                timeBudget);
    }

    public ContainerLimits withMaxEntrySize(long value) {
        return new ContainerLimits(maxEntries, value, maxTotalSize, maxCompressionRatio, ratioThreshold, maxXmlSize,
                timeBudget);
    }

    public ContainerLimits withMaxTotalSize(long value) {
        return new ContainerLimits(maxEntries, maxEntrySize, value, maxCompressionRatio, ratioThreshold, maxXmlSize,
                timeBudget);
    }

    public ContainerLimits withMaxCompressionRatio(int value, long threshold) {
        return new ContainerLimits(maxEntries, maxEntrySize, maxTotalSize, value, threshold, maxXmlSize, timeBudget);
    }

    public ContainerLimits withMaxXmlSize(long value) {
        return new ContainerLimits(maxEntries, maxEntrySize, maxTotalSize, maxCompressionRatio, ratioThreshold, value,
                timeBudget);
    }

    /** Limits with another per-container time budget. */
    public ContainerLimits withTimeBudget(Duration value) {
        return new ContainerLimits(maxEntries, maxEntrySize, maxTotalSize, maxCompressionRatio, ratioThreshold, maxXmlSize,
                value);
    }
}
