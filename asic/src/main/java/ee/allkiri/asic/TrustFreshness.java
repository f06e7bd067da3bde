package ee.allkiri.asic;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Severity;
import ee.allkiri.core.spi.TrustListInfo;
import ee.allkiri.core.spi.TrustMaterial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The staleness policy for trusted lists (ETSI TS 119 612 5.3.15, next update): a list past
 * its next update at the validation time is reported on every container the verifier checks,
 * one finding per list, in the order the lists were loaded, with the list's url as location.
 */
final class TrustFreshness {

    /** What a stale list does to a verdict. */
    enum Policy {
        /** A WARNING: reported, the verdict stands (the default). */
        WARN,
        /** An ERROR: the container is not valid. */
        REJECT,
        /** Nothing is reported. */
        ACCEPT
    }

    private TrustFreshness() {
    }

    static List<Finding> check(TrustMaterial trust, Instant at, Policy policy) {
        if (policy == Policy.ACCEPT) {
            return List.of();
        }
        Severity severity = policy == Policy.REJECT ? Severity.ERROR : Severity.WARNING;
        List<Finding> findings = new ArrayList<>();
        for (TrustListInfo list : trust.staleListsAt(at)) {
            findings.add(new Finding(FindingCode.TRUST_LIST_STALE, severity, "trusted list " + list.name() + " (sequence "
                    + list.sequence() + ") was past its next update " + list.nextUpdate() + " at the validation time " + at,
                    list.url()));
        }
        return findings;
    }
}
