package ee.allkiri.asic;

import java.util.Set;

/**
 * The rule options a verifier was built with.
 *
 * @param rejectNonDerCertificates make {@code CERTIFICATE_NON_DER} an error instead of a warning
 * @param timeMarkResponders       OCSP responder common names allowed to issue BDOC time-marks
 * @param requireQualified         with trusted-list data, require a qualified signature or seal
 * @param hasTrustedListData       whether the trust material carries trusted-list data
 */
record VerifierSettings(boolean rejectNonDerCertificates, Set<String> timeMarkResponders, boolean requireQualified,
                        boolean hasTrustedListData) {
    VerifierSettings {
        timeMarkResponders = Set.copyOf(timeMarkResponders);
    }
}
