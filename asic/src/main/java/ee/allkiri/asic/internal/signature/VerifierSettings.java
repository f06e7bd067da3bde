package ee.allkiri.asic.internal.signature;

/**
 * The rule options a verifier was built with.
 *
 * @param rejectNonDerCertificates make {@code CERTIFICATE_NON_DER} an error instead of a warning
 * @param requireQualified         make {@code NOT_QUALIFIED} an error instead of a warning (judged
 *                                 only when the signer's chain is anchored in a trusted-list
 *                                 service: plain anchors carry no qualification data)
 * @param strictTimestampCanonicalization make {@code TIMESTAMP_EXCLUSIVE_C14N} an error instead of a warning
 */
public record VerifierSettings(boolean rejectNonDerCertificates, boolean requireQualified, boolean strictTimestampCanonicalization) {
}
