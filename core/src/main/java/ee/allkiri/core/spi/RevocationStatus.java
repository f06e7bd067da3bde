package ee.allkiri.core.spi;

/**
 * What a revocation authority says about a certificate (RFC 6960 2.2).
 *
 * @since 0.1.0
 */
public enum RevocationStatus {
    /** Not revoked at the time of the answer. */
    GOOD,
    /** Revoked; the answer gives the time and usually a reason. */
    REVOKED,
    /** The authority does not know the certificate: not issued by the CA it serves, or not at all. */
    UNKNOWN
}
