package ee.allkiri.asic;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
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
 * @param timeBudget          longest wall-clock time one verification of one container may take, before
 *                            {@code timeBudgetPerSignature} is added ({@code LIMIT_TIME} past it)
 * @param timeBudgetPerSignature time added to {@code timeBudget} for each signature file of the container, once
 *                            it is opened (zero: a fixed budget); see {@link #timeBudgetFor(int)}
 *
 * @since 0.1.0
 */
public record ContainerLimits(int maxEntries, long maxEntrySize, long maxTotalSize, int maxCompressionRatio,
                              long ratioThreshold, long maxXmlSize, Duration timeBudget, Duration timeBudgetPerSignature) {

    /**
     * The default time budget before signatures are counted, 10 minutes: short enough that no
     * container holds a verifier thread for good. A service that verifies single uploads should
     * set a fixed budget of seconds ({@link #withTimeBudget(Duration)}).
     */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMinutes(10);

    /**
     * The default time added per signature, 200 ms, so that a bundle of any size finishes inside
     * its budget on a slow machine and with {@code fullValidationOnly()}: measured on a 2-core
     * machine running twelve times more work than it had cores (load average 23-26), a bundle
     * took 146 ms a signature with full validation (38 ms of CPU) and 23 ms on the fast path.
     */
    public static final Duration DEFAULT_TIME_PER_SIGNATURE = Duration.ofMillis(200);

    /** 200,000 entries (a bundle of 100,000 signatures fits), 1 GiB per entry, 4 GiB in all,
     * ratio 100 above 1 MiB, XML up to 16 MiB, 10 minutes plus 200 ms per signature for a container. */
    public static final ContainerLimits DEFAULT = new ContainerLimits(200_000, 1L << 30, 4L << 30, 100, 1L << 20,
            16L << 20, DEFAULT_TIME_BUDGET, DEFAULT_TIME_PER_SIGNATURE);

    public ContainerLimits {
        if (maxEntries < 1 || maxEntrySize < 1 || maxTotalSize < 1 || maxCompressionRatio < 1
                || ratioThreshold < 0 || maxXmlSize < 1) {
            throw new IllegalArgumentException("container limits must be positive");
        }
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(timeBudgetPerSignature, "timeBudgetPerSignature");
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("the time budget must be positive");
        }
        if (timeBudgetPerSignature.isNegative()) {
            throw new IllegalArgumentException("the time budget per signature must not be negative");
        }
    }

    /** Limits with the default time budget, {@link #DEFAULT_TIME_BUDGET} plus {@link #DEFAULT_TIME_PER_SIGNATURE} per signature. */
    public ContainerLimits(int maxEntries, long maxEntrySize, long maxTotalSize, int maxCompressionRatio,
                           long ratioThreshold, long maxXmlSize) {
        this(maxEntries, maxEntrySize, maxTotalSize, maxCompressionRatio, ratioThreshold, maxXmlSize, DEFAULT_TIME_BUDGET,
                DEFAULT_TIME_PER_SIGNATURE);
    }

    /** Limits with a fixed time budget per container, whatever its number of signatures. */
    public ContainerLimits(int maxEntries, long maxEntrySize, long maxTotalSize, int maxCompressionRatio,
                           long ratioThreshold, long maxXmlSize, Duration timeBudget) {
        this(maxEntries, maxEntrySize, maxTotalSize, maxCompressionRatio, ratioThreshold, maxXmlSize, timeBudget,
                Duration.ZERO);
    }

    /**
     * The time budget of a container with this many signature files: {@code timeBudget +
     * signatures x timeBudgetPerSignature} (by default 10 minutes + 200 ms per signature: 10
     * minutes 0.2 s for one signature, 43 minutes 20 s for 10,000, 5 hours 43 minutes 20 s for
     * 100,000). Before the container is opened its budget is {@code timeBudgetFor(0)}.
     */
    public Duration timeBudgetFor(int signatures) {
        try {
            return timeBudget.plus(timeBudgetPerSignature.multipliedBy(Math.max(0, signatures)));
        } catch (ArithmeticException e) {
            return ChronoUnit.FOREVER.getDuration();
        }
    }

    public ContainerLimits withMaxEntries(int value) {
        return new ContainerLimits(value, maxEntrySize, maxTotalSize, maxCompressionRatio, ratioThreshold, maxXmlSize,
                timeBudget, timeBudgetPerSignature);
    }

    public ContainerLimits withMaxEntrySize(long value) {
        return new ContainerLimits(maxEntries, value, maxTotalSize, maxCompressionRatio, ratioThreshold, maxXmlSize,
                timeBudget, timeBudgetPerSignature);
    }

    public ContainerLimits withMaxTotalSize(long value) {
        return new ContainerLimits(maxEntries, maxEntrySize, value, maxCompressionRatio, ratioThreshold, maxXmlSize,
                timeBudget, timeBudgetPerSignature);
    }

    public ContainerLimits withMaxCompressionRatio(int value, long threshold) {
        return new ContainerLimits(maxEntries, maxEntrySize, maxTotalSize, value, threshold, maxXmlSize, timeBudget,
                timeBudgetPerSignature);
    }

    public ContainerLimits withMaxXmlSize(long value) {
        return new ContainerLimits(maxEntries, maxEntrySize, maxTotalSize, maxCompressionRatio, ratioThreshold, value,
                timeBudget, timeBudgetPerSignature);
    }

    /** Limits with a fixed time budget per container, whatever its number of signatures (none added per signature). */
    public ContainerLimits withTimeBudget(Duration value) {
        return withTimeBudget(value, Duration.ZERO);
    }

    /** Limits with a time budget per container of {@code base} plus {@code perSignature} for each of its signatures. */
    public ContainerLimits withTimeBudget(Duration base, Duration perSignature) {
        return new ContainerLimits(maxEntries, maxEntrySize, maxTotalSize, maxCompressionRatio, ratioThreshold, maxXmlSize,
                base, perSignature);
    }
}
