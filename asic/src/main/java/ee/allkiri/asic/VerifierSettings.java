package ee.allkiri.asic;

import java.util.Set;

/**
 * The rule options a verifier was built with.
 *
 * @param rejectNonDerCertificates make {@code CERTIFICATE_NON_DER} an error instead of a warning
 * @param timeMarkResponders       OCSP responder common names allowed to issue BDOC time-marks
 * @param requireQualified         require a qualified signature or seal when the signer's chain is
 *                                 anchored in a trusted-list service (plain anchors carry no
 *                                 qualification data and are not judged)
 */
record VerifierSettings(boolean rejectNonDerCertificates, Set<String> timeMarkResponders, boolean requireQualified) {
    VerifierSettings {
        timeMarkResponders = Set.copyOf(timeMarkResponders);
    }
}
