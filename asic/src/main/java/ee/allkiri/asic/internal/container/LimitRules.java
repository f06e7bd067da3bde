package ee.allkiri.asic.internal.container;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.internal.container.zip.EntryInputStream;
import ee.allkiri.asic.internal.container.zip.ZipEntry;
import ee.allkiri.core.FindingCode;
import java.util.List;

/**
 * Limits on what the central directory declares, checked before any entry is inflated:
 * {@code LIMIT_ENTRY_SIZE} (META-INF XML files against {@code maxXmlSize}, everything else against
 * {@code maxEntrySize}), {@code LIMIT_COMPRESSION_RATIO}, {@code LIMIT_TOTAL_SIZE}. Actual sizes
 * are enforced while streaming ({@link EntryInputStream}).
 */
final class LimitRules {

    private LimitRules() {
    }

    static void check(List<ZipEntry> entries, ContainerLimits limits, FindingsCollector out) {
        long total = 0;
        for (ZipEntry entry : entries) {
            long max = isParsedXml(entry.name())
                    ? Math.min(limits.maxXmlSize(), limits.maxEntrySize()) : limits.maxEntrySize();
            long ceiling = EntryInputStream.ratioCeiling(entry.compressedSize(), limits.maxCompressionRatio(),
                    limits.ratioThreshold());
            if (entry.size() > max) {
                out.add(entry.index(), FindingCode.LIMIT_ENTRY_SIZE, entry.name(),
                        "the entry declares " + entry.size() + " bytes; the limit is " + max);
            } else if (entry.size() > ceiling) {
                out.add(entry.index(), FindingCode.LIMIT_COMPRESSION_RATIO, entry.name(), "the entry declares "
                        + entry.size() + " bytes from " + entry.compressedSize() + " compressed bytes; the ratio limit is "
                        + limits.maxCompressionRatio());
            }
            total = total > Long.MAX_VALUE - entry.size() ? Long.MAX_VALUE : total + entry.size();
        }
        if (total > limits.maxTotalSize()) {
            out.addContainer(FindingCode.LIMIT_TOTAL_SIZE, null,
                    "the entries declare " + total + " bytes in all; the limit is " + limits.maxTotalSize());
        }
    }

    /** XML the verifier reads into memory: the manifest and the signatures, directly under META-INF/. */
    private static boolean isParsedXml(String name) {
        return name.startsWith(EntryLayout.META_INF) && name.endsWith(".xml");
    }
}
