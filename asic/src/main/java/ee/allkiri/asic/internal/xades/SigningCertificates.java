package ee.allkiri.asic.internal.xades;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** Whether a SigningCertificate entry names a certificate (ETSI EN 319 132-1 5.2.2). Stateless. */
public final class SigningCertificates {

    private SigningCertificates() {
    }

    /** The entry's CertDigest is the digest of the certificate's encoding, with a digest allkiri computes. */
    public static boolean names(SignatureModel.CertDigest entry, X509Certificate certificate) {
        Optional<String> algorithm = XmlAlgorithms.digest(entry.digestMethod());
        if (algorithm.isEmpty()) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm.get()).digest(certificate.getEncoded());
            return MessageDigest.isEqual(digest, entry.digestValue());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return false;
        }
    }
}
