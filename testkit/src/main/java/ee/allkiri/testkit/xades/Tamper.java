package ee.allkiri.testkit.xades;

/**
 * Deliberate faults the signature writer can build in, each while signing (not by editing the result).
 *
 * @since 0.1.0
 */
public enum Tamper {
    /** SigningCertificate names a digest that is not the signer certificate's. */
    SIGNING_CERTIFICATE_DIGEST,
    /** SigningCertificate (digest and issuer-serial) names the signer's CA certificate: a valid signature over another certificate's name. */
    SIGNING_CERTIFICATE_OF_ISSUER,
    /** The signature value is damaged after signing (before it is time-stamped). */
    SIGNATURE_VALUE,
    /** The signature time-stamp's imprint is over something other than the signature value. */
    TIMESTAMP_IMPRINT,
    /** The time-mark OCSP nonce is a DigestInfo of another value. */
    OCSP_NONCE,
    /** The time-mark OCSP request had no nonce. */
    OCSP_NONCE_ABSENT,
    /** The BDOC policy identifier lacks its SPURI qualifier. */
    POLICY_SPURI
}
