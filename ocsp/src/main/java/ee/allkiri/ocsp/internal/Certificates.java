package ee.allkiri.ocsp.internal;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** The few certificate facts OCSP verification needs. */
final class Certificates {

    /** id-kp-OCSPSigning (RFC 5280 4.2.1.12). */
    static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    /** id-pkix-ocsp-nocheck (RFC 6960 4.2.2.2.1). */
    static final String OCSP_NO_CHECK = "1.3.6.1.5.5.7.48.1.5";

    private Certificates() {
    }

    /** True when {@code parent} issued {@code child}: names chain and the signature verifies with the parent's key. */
    static boolean issued(X509Certificate parent, X509Certificate child, Provider provider) {
        if (!child.getIssuerX500Principal().equals(parent.getSubjectX500Principal())) {
            return false;
        }
        try {
            child.verify(parent.getPublicKey(), provider);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** True when both have the same subject and the same public key. */
    static boolean sameEntity(X509Certificate a, X509Certificate b) {
        return a.getSubjectX500Principal().equals(b.getSubjectX500Principal())
                && Arrays.equals(a.getPublicKey().getEncoded(), b.getPublicKey().getEncoded());
    }

    static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }

    static boolean hasExtendedKeyUsage(X509Certificate certificate, String oid) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages != null && usages.contains(oid);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    static boolean hasExtension(X509Certificate certificate, String oid) {
        return certificate.getExtensionValue(oid) != null;
    }

    /** True when the instant lies in the certificate's validity period, widened by the skew. */
    static boolean validAt(X509Certificate certificate, Instant instant, Duration skew) {
        Instant from = certificate.getNotBefore().toInstant().minus(skew);
        Instant until = certificate.getNotAfter().toInstant().plus(skew);
        return !instant.isBefore(from) && !instant.isAfter(until);
    }

    /** The first certificate among the pools that issued the given one, or null. */
    @SafeVarargs
    static X509Certificate issuerOf(X509Certificate certificate, Provider provider, Collection<X509Certificate>... pools) {
        for (Collection<X509Certificate> pool : pools) {
            for (X509Certificate candidate : pool) {
                if (issued(candidate, certificate, provider)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
