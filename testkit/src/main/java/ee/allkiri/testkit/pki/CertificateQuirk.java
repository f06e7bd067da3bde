package ee.allkiri.testkit.pki;

/**
 * Something a signer's certificate may carry that makes it no signing certificate, for tests
 * of the verifier's signer-certificate rules. A persona with a quirk is otherwise issued like
 * any other of its token (same CA, policies, QC statements, nonRepudiation).
 *
 * @since 0.1.0
 */
public enum CertificateQuirk {
    /** A critical extension with a private OID ({@value #UNKNOWN_EXTENSION_OID}) no verifier knows (RFC 5280 4.2: reject). */
    UNKNOWN_CRITICAL_EXTENSION,
    /** basicConstraints cA=true (critical): a CA certificate used as a signer's. */
    CA,
    /** extendedKeyUsage id-kp-timeStamping only (critical), as a time-stamping unit's certificate has. */
    TIME_STAMPING,
    /** extendedKeyUsage id-kp-OCSPSigning only (critical), as an OCSP responder's certificate has. */
    OCSP_SIGNING,
    /** extendedKeyUsage id-kp-clientAuth only (not critical), as an authentication certificate has. */
    CLIENT_AUTH;

    /** The OID of the unknown critical extension: under an arc no standard assigns. */
    public static final String UNKNOWN_EXTENSION_OID = "1.3.6.1.4.1.99999.42.1";
}
