package ee.allkiri.core.audit;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;

/**
 * The figures of an audit.
 *
 * @param containers       containers examined
 * @param signatures       signatures seen
 * @param valid            signatures with TOTAL_PASSED
 * @param counted          signatures that count (one per person)
 * @param excluded         signatures excluded for each reason (a signature may have several)
 * @param threshold        the threshold, or null
 * @param thresholdReached whether {@code counted >= threshold}; true when there is no threshold
 * @param countedPerDay    counted signatures per calendar day of the audit's time zone
 */
public record AuditSummary(int containers, int signatures, int valid, int counted, Map<Exclusion, Integer> excluded,
                           Integer threshold, boolean thresholdReached, SortedMap<LocalDate, Integer> countedPerDay) {
    public AuditSummary {
        excluded = Map.copyOf(excluded);
        countedPerDay = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(countedPerDay));
    }
}
