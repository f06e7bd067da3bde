package ee.allkiri.testkit.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generated key pairs by seed and label, so that a run generates each key once. Key generation
 * is deterministic ({@link SeededRandom}), so a cached key is the key that would be generated
 * again. Thread-safe; share one cache among the PKIs of a run (it is the caller's object, not a
 * global one).
 *
 * @since 0.1.0
 */
public final class KeyCache {

    private record Key(long seed, String label, KeyType type) {
    }

    private final Provider provider;
    private final Map<Key, CompletableFuture<KeyPair>> keys = new ConcurrentHashMap<>();

    /** A cache whose keys are generated with the given provider (Bouncy Castle is the fast one). */
    public KeyCache(Provider provider) {
        this.provider = provider;
    }

    /** The provider keys are generated with. */
    public Provider provider() {
        return provider;
    }

    /** The key pair for the seed and label, generated on first use. */
    public KeyPair keyPair(long seed, String label, KeyType type) {
        Key key = new Key(seed, label, type);
        CompletableFuture<KeyPair> mine = new CompletableFuture<>();
        CompletableFuture<KeyPair> existing = keys.putIfAbsent(key, mine);
        if (existing != null) {
            return existing.join();
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type.algorithm(), provider);
            generator.initialize(type.spec(), SeededRandom.of(seed, "key:" + type + ":" + label));
            KeyPair pair = generator.generateKeyPair();
            mine.complete(pair);
            return pair;
        } catch (GeneralSecurityException | RuntimeException e) {
            keys.remove(key, mine);
            mine.completeExceptionally(e);
            throw new IllegalStateException("cannot generate a " + type + " key", e);
        }
    }

    /** How many keys have been asked for. */
    public int size() {
        return keys.size();
    }
}
