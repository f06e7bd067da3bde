package ee.allkiri.asic;

/**
 * The rule options a verifier was built with.
 *
 * @param rejectNonDerCertificates make {@code CERTIFICATE_NON_DER} an error instead of a warning
 * @param requireQualified         with trusted-list data, require a qualified signature or seal
 * @param hasTrustedListData       whether the trust material carries trusted-list data
 */
record VerifierSettings(boolean rejectNonDerCertificates, boolean requireQualified,
                        boolean hasTrustedListData) {
}
