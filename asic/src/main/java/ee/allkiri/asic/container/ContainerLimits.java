package ee.allkiri.asic.container;

/**
 * Bounds on what a container may make the verifier read. They are configuration of one
 * verifier, never JVM-wide. Exceeding one is a finding on the container (a verdict), not an
 * exception and never an OutOfMemoryError.
 *
 * @param maxEntries          most ZIP entries a container may have
 * @param maxEntrySize        most uncompressed bytes in one entry
 * @param maxTotalSize        most uncompressed bytes in all entries together
 * @param maxCompressionRatio most uncompressed bytes per compressed byte of an entry ...
 * @param ratioThreshold      ... once the entry is larger than this many bytes
 * @param maxXmlSize          most bytes in one XML entry (manifest, a signature)
 */
public record ContainerLimits(int maxEntries, long maxEntrySize, long maxTotalSize, int maxCompressionRatio,
                              long ratioThreshold, long maxXmlSize) {

    /** 200,000 entries (a bundle of 100,000 signatures fits), 1 GiB per entry, 4 GiB in all,
     * ratio 100 above 1 MiB, XML up to 16 MiB. */
    public static final ContainerLimits DEFAULT =
            new ContainerLimits(200_000, 1L << 30, 4L << 30, 100, 1L << 20, 16L << 20);

    public ContainerLimits {
        if (maxEntries < 1 || maxEntrySize < 1 || maxTotalSize < 1 || maxCompressionRatio < 1
                || ratioThreshold < 0 || maxXmlSize < 1) {
            throw new IllegalArgumentException("container limits must be positive");
        }
    }

    public ContainerLimits withMaxEntries(int value) {
        return new ContainerLimits(value, maxEntrySize, maxTotalSize, maxCompressionRatio, ratioThreshold, maxXmlSize);
    }

    public ContainerLimits withMaxEntrySize(long value) {
        return new ContainerLimits(maxEntries, value, maxTotalSize, maxCompressionRatio, ratioThreshold, maxXmlSize);
    }

    public ContainerLimits withMaxTotalSize(long value) {
        return new ContainerLimits(maxEntries, maxEntrySize, value, maxCompressionRatio, ratioThreshold, maxXmlSize);
    }

    public ContainerLimits withMaxCompressionRatio(int value, long threshold) {
        return new ContainerLimits(maxEntries, maxEntrySize, maxTotalSize, value, threshold, maxXmlSize);
    }

    public ContainerLimits withMaxXmlSize(long value) {
        return new ContainerLimits(maxEntries, maxEntrySize, maxTotalSize, maxCompressionRatio, ratioThreshold, value);
    }
}
