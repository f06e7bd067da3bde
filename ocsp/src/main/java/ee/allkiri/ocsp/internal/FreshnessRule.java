package ee.allkiri.ocsp.internal;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.ocsp.OcspPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long after the signature time-stamp an embedded OCSP response was produced (BDOC 2.1 5.3;
 * the Estonian validation service's revocation freshness rule): more than 15 minutes is
 * {@code OCSP_NOT_FRESH}, a warning; more than 24 hours is
 * {@code OCSP_TOO_LATE_AFTER_TIMESTAMP}, an error (SiVa and digidoc4j give TOTAL-FAILED): the
 * response no longer says that the certificate was good when the signature was made. A
 * response before the time-stamp is {@link WindowRule}'s; an online (current) response and a
 * time-mark are not judged here.
 */
final class FreshnessRule {

    private FreshnessRule() {
    }

    static List<Finding> check(OcspResponse response, OcspCheck check) {
        Instant stamped = check.timestampTime();
        if (stamped == null || check.current() || check.isTimeMark() || response.producedAt().isBefore(stamped)) {
            return List.of();
        }
        Duration after = Duration.between(stamped, response.producedAt());
        if (after.compareTo(OcspPolicy.LATEST) > 0) {
            return List.of(Finding.of(FindingCode.OCSP_TOO_LATE_AFTER_TIMESTAMP, check.location(), "OCSP produced "
                    + after.toHours() + " hours after the time-stamp, more than " + OcspPolicy.LATEST.toHours()));
        }
        if (after.compareTo(OcspPolicy.FRESHNESS) > 0) {
            return List.of(Finding.of(FindingCode.OCSP_NOT_FRESH, check.location(),
                    "OCSP produced " + after.toMinutes() + " minutes after the time-stamp"));
        }
        return List.of();
    }
}
