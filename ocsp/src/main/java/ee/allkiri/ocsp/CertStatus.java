package ee.allkiri.ocsp;

/** The status an OCSP response gives a certificate (RFC 6960 4.2.1). */
public enum CertStatus {
    GOOD,
    REVOKED,
    UNKNOWN
}
