package ee.allkiri.asic;

import java.util.Set;

/**
 * The rule options a verifier was built with.
 *
 * @param rejectNonDerCertificates make {@code CERTIFICATE_NON_DER} an error instead of a warning
 * @param timeMarkResponders       OCSP responder common names allowed to issue BDOC time-marks
 * @param requireQualified         with trusted-list data, require a qualified signature or seal
 * @param hasTrustedListData       whether the trust material carries trusted-list data
 * @param strictTimestampCanonicalization make {@code TIMESTAMP_EXCLUSIVE_C14N} an error instead of a warning
 */
record VerifierSettings(boolean rejectNonDerCertificates, Set<String> timeMarkResponders, boolean requireQualified,
                        boolean hasTrustedListData, boolean strictTimestampCanonicalization) {
    VerifierSettings {
        timeMarkResponders = Set.copyOf(timeMarkResponders);
    }
}
