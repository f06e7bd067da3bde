package ee.allkiri.ocsp.internal;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.time.Instant;
import java.util.List;

/**
 * RFC 6960 2.2: the certificate was good when it signed. A revocation after the proven signing
 * time does not undo the signature (ETSI EN 319 102-1 5.2.6) and is only a warning; revoked at
 * or before it, or unknown to the responder, is an error.
 */
final class StatusRule {

    private StatusRule() {
    }

    /**
     * @param signingTime the proven signing time (the time-mark's producedAt or the time-stamp's
     *                    genTime), or null when there is none and any revocation counts
     */
    static List<Finding> check(SingleStatus status, Instant signingTime, String location) {
        return switch (status.status()) {
            case GOOD -> List.of();
            case UNKNOWN -> List.of(Finding.of(FindingCode.OCSP_STATUS_UNKNOWN, location,
                    "the responder does not know certificate " + status.serialNumber().toString(16)));
            case REVOKED -> {
                String what = "revoked at " + status.revocationTime()
                        + (status.revocationReason() == null ? "" : " (" + status.revocationReason() + ")");
                if (signingTime != null && status.revocationTime().isAfter(signingTime)) {
                    yield List.of(Finding.of(FindingCode.OCSP_REVOKED_AFTER_SIGNING, location,
                            what + ", after the signing time " + signingTime));
                }
                yield List.of(Finding.of(FindingCode.OCSP_STATUS_REVOKED, location,
                        what + (signingTime == null ? "" : ", not after the signing time " + signingTime)));
            }
        };
    }
}
