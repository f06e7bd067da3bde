package ee.allkiri.testkit.pki;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A certificate of the test PKI with its private key: a CA, an OCSP responder or a
 * time-stamping unit.
 *
 * @param commonName  the subject CN
 * @param certificate the certificate
 * @param signer      its private key
 * @param issuer      the authority that issued it; null for a self-signed root
 * @since 0.1.0
 */
public record Authority(String commonName, X509Certificate certificate, KeySigner signer, Authority issuer) {

    public Authority {
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(signer, "signer");
    }

    /** This certificate and its issuers up to the root, leaf first. */
    public List<X509Certificate> chain() {
        List<X509Certificate> chain = new ArrayList<>();
        for (Authority a = this; a != null; a = a.issuer()) {
            chain.add(a.certificate());
        }
        return chain;
    }

    @Override
    public String toString() {
        return "Authority[" + commonName + "]";
    }
}
