package ee.allkiri.ocsp.internal;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.ocsp.OcspPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The response's times (RFC 6960 3.2 (4, 5), 4.2.2.1; BDOC 2.1 5.3):
 * <ul>
 *   <li>producedAt is not after the validation time;</li>
 *   <li>thisUpdate lies within the policy's status age before, and the clock skew after, the
 *       time the status is used for: producedAt for an embedded response, the validation time
 *       for a current one;</li>
 *   <li>nextUpdate, when present, is not before thisUpdate nor past at that time;</li>
 *   <li>for an embedded response after a signature time-stamp, producedAt is not before the
 *       time-stamp (how long after it is {@link FreshnessRule}'s).</li>
 * </ul>
 * All comparisons but the time-stamp order allow the policy's clock skew.
 */
final class WindowRule {

    private WindowRule() {
    }

    static List<Finding> check(OcspResponse response, SingleStatus status, OcspCheck check, OcspPolicy policy) {
        List<Finding> findings = new ArrayList<>();
        String at = check.location();
        Duration skew = policy.clockSkew();
        Instant produced = response.producedAt();
        if (produced.isAfter(check.validationTime().plus(skew))) {
            findings.add(outside(at, "producedAt " + produced + " is after the validation time " + check.validationTime()));
        }
        if (status != null) {
            Instant reference = check.current() ? check.validationTime() : produced;
            String referenceName = check.current() ? "the validation time" : "producedAt";
            Instant thisUpdate = status.thisUpdate();
            Instant nextUpdate = status.nextUpdate();
            if (thisUpdate.isAfter(reference.plus(skew))) {
                findings.add(outside(at, "thisUpdate " + thisUpdate + " is after " + referenceName + " " + reference));
            } else if (thisUpdate.isBefore(reference.minus(policy.statusAge()))) {
                findings.add(outside(at, "thisUpdate " + thisUpdate + " is more than " + policy.statusAge()
                        + " before " + referenceName + " " + reference));
            }
            if (nextUpdate != null && nextUpdate.isBefore(thisUpdate)) {
                findings.add(outside(at, "nextUpdate " + nextUpdate + " is before thisUpdate " + thisUpdate));
            } else if (nextUpdate != null && nextUpdate.plus(skew).isBefore(reference)) {
                findings.add(outside(at, "nextUpdate " + nextUpdate + " had passed at " + referenceName + " " + reference));
            }
        }
        Instant stamped = check.timestampTime();
        if (stamped != null && !check.current()) {
            if (produced.isBefore(stamped)) {
                findings.add(Finding.of(FindingCode.OCSP_BEFORE_TIMESTAMP, at,
                        "OCSP produced at " + produced + ", before the time-stamp " + stamped));
            }
        }
        return findings;
    }

    private static Finding outside(String location, String detail) {
        return Finding.of(FindingCode.OCSP_OUT_OF_WINDOW, location, detail);
    }
}
