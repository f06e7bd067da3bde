package ee.allkiri.core.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The figures of an audit.
 *
 * @param containers       containers examined
 * @param signatures       signatures seen
 * @param valid            signatures with TOTAL_PASSED
 * @param counted          signatures that count (one per person); only a lower bound when the count is not
 *                         {@link #complete()}
 * @param excluded         signatures excluded for each reason (a signature may have several)
 * @param threshold        the threshold, or null
 * @param thresholdReached whether the count is complete and {@code counted >= threshold}; true when there is no
 *                         threshold
 * @param countedPerDay    counted signatures per calendar day of the audit's time zone
 * @param incomplete       the containers whose verification did not complete (it ran past the time budget,
 *                         {@code LIMIT_TIME}): their signatures are unknown, so the count could not be completed
 *
 * @since 0.1.0
 */
public record AuditSummary(int containers, int signatures, int valid, int counted, Map<Exclusion, Integer> excluded,
                           Integer threshold, boolean thresholdReached, SortedMap<LocalDate, Integer> countedPerDay,
                           List<String> incomplete) {
    public AuditSummary {
        excluded = Map.copyOf(excluded);
        countedPerDay = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(countedPerDay));
        incomplete = List.copyOf(incomplete);
        if (thresholdReached && threshold != null && !incomplete.isEmpty()) {
            throw new IllegalArgumentException("an incomplete count reaches no threshold");
        }
    }

    /** True when every container was verified to the end, so {@link #counted()} is the count. */
    public boolean complete() {
        return incomplete.isEmpty();
    }
}
