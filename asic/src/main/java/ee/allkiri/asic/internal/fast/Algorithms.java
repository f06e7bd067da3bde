package ee.allkiri.asic.internal.fast;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The algorithms the fast path accepts: a deliberately short list that DSS's policy (as
 * allkiri configures it) accepts without conditions. Anything else goes the full way.
 */
public final class Algorithms {

    public static final Map<String, String> DIGESTS = Map.of(
            "http://www.w3.org/2001/04/xmlenc#sha256", "SHA-256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384", "SHA-384",
            "http://www.w3.org/2001/04/xmlenc#sha512", "SHA-512");

    public static final Map<String, String> DIGEST_OIDS = Map.of(
            "2.16.840.1.101.3.4.2.1", "SHA-256",
            "2.16.840.1.101.3.4.2.2", "SHA-384",
            "2.16.840.1.101.3.4.2.3", "SHA-512");

    /** XMLDSig signature method to JCA name; ECDSA values are r||s and need DER for JCA. */
    public static final Map<String, String> SIGNATURES = Map.of(
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "SHA256withECDSA",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", "SHA384withECDSA",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", "SHA512withECDSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "SHA256withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "SHA384withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "SHA512withRSA");

    /** Certificate and token signature algorithms by OID, with their digests. */
    static final Map<String, String> SIGNATURE_OIDS = Map.of(
            "1.2.840.10045.4.3.2", "SHA256withECDSA",
            "1.2.840.10045.4.3.3", "SHA384withECDSA",
            "1.2.840.10045.4.3.4", "SHA512withECDSA",
            "1.2.840.113549.1.1.11", "SHA256withRSA",
            "1.2.840.113549.1.1.12", "SHA384withRSA",
            "1.2.840.113549.1.1.13", "SHA512withRSA");

    private Algorithms() {
    }

    public static boolean isEcdsa(String jcaName) {
        return jcaName.endsWith("ECDSA");
    }

    /**
     * Whether a key is strong enough for the fast path at the given time: EC of at least 256
     * bits, or RSA of at least 2048 bits before {@code rsaUntil} (the policy's date).
     */
    public static boolean strongAt(PublicKey key, Instant at, Instant rsaUntil) {
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() >= 256;
        }
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength() >= 2048 && at.isBefore(rsaUntil);
        }
        return false;
    }

    /** A certificate signed with an accepted algorithm. */
    public static boolean acceptedCertificateSignature(java.security.cert.X509Certificate certificate) {
        return SIGNATURE_OIDS.containsKey(certificate.getSigAlgOID());
    }
}
