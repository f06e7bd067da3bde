package ee.allkiri.core.spi;

import java.security.cert.X509Certificate;

/**
 * Where a verifier asks about a certificate's revocation status when the signature carries
 * none, e.g. an online OCSP client. Implementations must be thread-safe, must bound the time
 * a call takes, and must return {@link RevocationResult.Found} only for a response they have
 * verified; a verifier checks the raw response again as it checks embedded ones.
 *
 * @since 0.1.0
 */
public interface RevocationSource {

    /**
     * The current status of a certificate.
     *
     * @param certificate the certificate to check
     * @param issuer      the certificate of the CA that issued it
     * @return the status, or why there is none; never null, never an exception for an
     *         unreachable or misbehaving responder
     */
    RevocationResult check(X509Certificate certificate, X509Certificate issuer);
}
