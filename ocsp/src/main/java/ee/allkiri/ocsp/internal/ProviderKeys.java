package ee.allkiri.ocsp.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;

/**
 * A public key as the provider's own key object. Given another provider's key (the JDK's, from
 * a certificate it parsed), Bouncy Castle converts it on every use, and a converted EC key lacks
 * the named curve's precomputed generator multiples; a key kept as Bouncy Castle's own object
 * also keeps the multiples Bouncy Castle precomputes for it.
 */
public final class ProviderKeys {

    private ProviderKeys() {
    }

    /** The key as the provider's object; a key the provider cannot convert is returned as it is (and verifies, or not, as before). */
    public static PublicKey of(PublicKey key, Provider provider) {
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), provider).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException e) {
            return key;
        }
    }
}
