package ee.allkiri.asic.internal.container;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects container findings and hands them out in a stable order: findings about an entry in
 * archive order (for one entry, in the order the rules ran), then findings about the container as
 * a whole in rule order. Not thread-safe: one per read.
 */
final class FindingsCollector {

    private static final int CONTAINER = Integer.MAX_VALUE;

    private record Item(int entryIndex, int sequence, Finding finding) {
    }

    private final List<Item> items = new ArrayList<>();
    private Finding firstLimit;

    void add(int entryIndex, Finding finding) {
        items.add(new Item(entryIndex, items.size(), finding));
        if (firstLimit == null && isLimit(finding.code())) {
            firstLimit = finding;
        }
    }

    void add(int entryIndex, FindingCode code, String location, String message) {
        add(entryIndex, Finding.of(code, location, message));
    }

    void addContainer(FindingCode code, String location, String message) {
        add(CONTAINER, Finding.of(code, location, message));
    }

    /** The first LIMIT_* finding, or {@code null}: a limit makes the container unreadable. */
    Finding firstLimit() {
        return firstLimit;
    }

    List<Finding> toList() {
        return items.stream()
                .sorted(Comparator.comparingInt(Item::entryIndex).thenComparingInt(Item::sequence))
                .map(Item::finding)
                .toList();
    }

    static boolean isLimit(FindingCode code) {
        return code == FindingCode.LIMIT_ENTRY_COUNT || code == FindingCode.LIMIT_ENTRY_SIZE
                || code == FindingCode.LIMIT_TOTAL_SIZE || code == FindingCode.LIMIT_COMPRESSION_RATIO;
    }
}
