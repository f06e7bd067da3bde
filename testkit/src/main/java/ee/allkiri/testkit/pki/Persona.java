package ee.allkiri.testkit.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A signer of the test PKI: its spec, the certificate issued for it and its private key.
 *
 * @param spec        what was asked for
 * @param certificate the issued certificate
 * @param signer      the private key
 * @param issuer      the issuing CA
 * @since 0.1.0
 */
public record Persona(PersonaSpec spec, X509Certificate certificate, KeySigner signer, Authority issuer) {

    public Persona {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(issuer, "issuer");
    }

    /** When the certificate was revoked, or null. */
    public Instant revokedAt() {
        return spec.revokedAt();
    }

    /** The certificate and its issuers up to the root, leaf first. */
    public List<X509Certificate> chain() {
        List<X509Certificate> chain = new java.util.ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuer.chain());
        return chain;
    }

    /** The personal code (or registry code of an e-seal). */
    public String code() {
        return spec.code();
    }

    @Override
    public String toString() {
        return "Persona[" + spec.token() + " " + spec.code() + "]";
    }
}
