package ee.allkiri.bench;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;

/**
 * One public-key verification that verifying a signature requires and that cannot be shared
 * with another signature: the key (already the provider's own key object), the signed bytes and
 * the signature, as the verifier meets them.
 *
 * @param part      what is verified: {@code signature value}, {@code signer certificate},
 *                  {@code OCSP response}, {@code time-stamp token}
 * @param algorithm the JCA signature algorithm (ECDSA over XML as {@code PLAIN-ECDSA}, r||s, as allkiri verifies it)
 */
record KeyCheck(String part, String algorithm, PublicKey key, byte[] message, byte[] signature) {

    /** The provider's {@link Signature} objects of this thread, one per algorithm, so that a timing holds no look-up. */
    private static final ThreadLocal<Map<String, Signature>> SIGNATURES = ThreadLocal.withInitial(HashMap::new);

    /** The part, the key type and the algorithm, e.g. {@code signer certificate, P-521, SHA512withECDSA}. */
    String kind() {
        return part + ", " + keyType(key) + ", " + algorithm;
    }

    boolean verify(Provider provider) throws GeneralSecurityException {
        Map<String, Signature> mine = SIGNATURES.get();
        Signature s = mine.get(algorithm);
        if (s == null || s.getProvider() != provider) {
            s = Signature.getInstance(algorithm, provider);
            mine.put(algorithm, s);
        }
        s.initVerify(key);
        s.update(message);
        return s.verify(signature);
    }

    /**
     * The same verification with a new key object of the same key, as a verifier meets a key it
     * has not seen: Bouncy Castle keeps precomputed multiples of a point with the key object and,
     * for a key used again and again, switches to a faster fixed-point method, which a key that
     * one signature alone uses (the signer's) never gets in a real pass over a bundle.
     */
    KeyCheck withNewKey(Provider provider) throws GeneralSecurityException {
        PublicKey fresh = java.security.KeyFactory.getInstance(key.getAlgorithm(), provider)
                .generatePublic(new java.security.spec.X509EncodedKeySpec(key.getEncoded()));
        return new KeyCheck(part, algorithm, fresh, message, signature);
    }

    static String keyType(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            return "P-" + ec.getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof RSAPublicKey rsa) {
            return "RSA-" + rsa.getModulus().bitLength();
        }
        return key.getAlgorithm();
    }
}
