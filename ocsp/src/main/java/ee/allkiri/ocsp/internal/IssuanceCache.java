package ee.allkiri.ocsp.internal;

import java.nio.ByteBuffer;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which certificate issued which: every signature of a bundle carries a response
 * from the same few responders, and checking a responder's certificate against its CA (often
 * a P-521 signature) again for each of thousands of signatures is the largest avoidable cost.
 * Bounded; thread-safe; one per verifier.
 */
final class IssuanceCache {

    private static final int LIMIT = 10_000;

    private record Pair(ByteBuffer parent, ByteBuffer child) {
    }

    private final Map<Pair, Boolean> known = new ConcurrentHashMap<>();
    private final Map<ByteBuffer, java.security.PublicKey> keys = new ConcurrentHashMap<>();
    private final Provider provider;

    IssuanceCache(Provider provider) {
        this.provider = provider;
    }

    /** {@link Certificates#issued}, remembered. */
    boolean issued(X509Certificate parent, X509Certificate child) {
        Pair key;
        try {
            key = new Pair(ByteBuffer.wrap(parent.getEncoded()), ByteBuffer.wrap(child.getEncoded()));
        } catch (CertificateEncodingException e) {
            return false;
        }
        Boolean answer = known.get(key);
        if (answer == null) {
            answer = Certificates.issued(parent, child, provider);
            if (known.size() < LIMIT) {
                known.put(key, answer);
            }
        }
        return answer;
    }

    /**
     * The certificate's key as the provider's own object, made once per certificate: Bouncy
     * Castle then keeps its precomputed multiples with the key, and the thousands of responses
     * one responder signed verify faster.
     */
    java.security.PublicKey key(X509Certificate certificate) {
        java.security.PublicKey key = certificate.getPublicKey();
        ByteBuffer id = ByteBuffer.wrap(key.getEncoded());
        java.security.PublicKey known = keys.get(id);
        if (known != null) {
            return known;
        }
        known = ProviderKeys.of(key, provider);
        if (keys.size() < LIMIT) {
            keys.put(id, known);
        }
        return known;
    }

    Provider provider() {
        return provider;
    }
}
