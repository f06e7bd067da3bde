package ee.allkiri.testkit.pki;

import java.time.Instant;
import java.util.Objects;

/**
 * An OCSP responder certificate made to order, beside the PKI's own responders, for tests of
 * who may sign a response (RFC 6960 4.2.2.2): one without id-pkix-ocsp-nocheck, one valid in
 * another window, the same key certified again, or another key under a name already taken.
 * {@link TestPki#responder(ResponderSpec)} issues it (id-kp-OCSPSigning, a P-256 key derived
 * from the PKI's seed and the key label).
 *
 * @param commonName the subject's CN
 * @param issuer     the CA that certifies it
 * @param notBefore  start of validity, or null for the PKI's service default
 * @param notAfter   end of validity, or null for the PKI's service default
 * @param noCheck    whether it carries id-pkix-ocsp-nocheck (RFC 6960 4.2.2.2.1)
 * @param keyLabel   names its key: specs with one label share a key
 * @since 0.1.0
 */
public record ResponderSpec(String commonName, Authority issuer, Instant notBefore, Instant notAfter, boolean noCheck,
                            String keyLabel) {

    public ResponderSpec {
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(keyLabel, "keyLabel");
        if ((notBefore == null) != (notAfter == null)) {
            throw new IllegalArgumentException("give both ends of the validity, or neither");
        }
    }

    /** A delegated responder of {@code issuer} with id-pkix-ocsp-nocheck and a key of its own (labelled by its name). */
    public static ResponderSpec of(String commonName, Authority issuer) {
        return new ResponderSpec(commonName, issuer, null, null, true, commonName);
    }

    /** The same without id-pkix-ocsp-nocheck: a client ought to check the responder's own status. */
    public ResponderSpec withoutNoCheck() {
        return new ResponderSpec(commonName, issuer, notBefore, notAfter, false, keyLabel);
    }

    public ResponderSpec withValidity(Instant from, Instant until) {
        return new ResponderSpec(commonName, issuer, from, until, noCheck, keyLabel);
    }

    /** The same with the key of that label: the key of another spec (a reissued certificate), or a new one. */
    public ResponderSpec withKey(String label) {
        return new ResponderSpec(commonName, issuer, notBefore, notAfter, noCheck, label);
    }
}
