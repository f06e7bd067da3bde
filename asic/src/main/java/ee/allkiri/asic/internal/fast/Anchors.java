package ee.allkiri.asic.internal.fast;

import ee.allkiri.ocsp.internal.ProviderKeys;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;

/**
 * The verifier's trust anchors, indexed for the fast path: find the anchor that issued a
 * certificate (name chaining and a signature check), and remember the answer for the
 * certificates every signature shares (OCSP responders, time-stamping units). Thread-safe.
 */
public final class Anchors {

    /** Answers kept for shared certificates; a bundle has only a handful. */
    private static final int CACHE_LIMIT = 10_000;

    private final Map<X500Principal, List<X509Certificate>> bySubject;
    private final Map<String, X509Certificate> byDigest;
    private final Map<String, Optional<X509Certificate>> issued = new ConcurrentHashMap<>();
    /** Anchor keys as the provider's own objects, made when an anchor is first tried as an issuer. */
    private final Map<X509Certificate, PublicKey> keys = new ConcurrentHashMap<>();
    private final Provider provider;

    public Anchors(Collection<X509Certificate> anchors, Provider provider) {
        Map<X500Principal, List<X509Certificate>> subjects = new HashMap<>();
        Map<String, X509Certificate> digests = new HashMap<>();
        for (X509Certificate a : anchors) {
            subjects.computeIfAbsent(a.getSubjectX500Principal(), k -> new ArrayList<>()).add(a);
            digests.putIfAbsent(sha256(a), a);
        }
        this.bySubject = Map.copyOf(subjects);
        this.byDigest = Map.copyOf(digests);
        this.provider = provider;
    }

    /** How many anchor keys have been converted to the provider's keys so far (each when first needed). */
    int convertedKeys() {
        return keys.size();
    }

    /** Every anchor, in no particular order. */
    Collection<X509Certificate> all() {
        return byDigest.values();
    }

    public boolean isAnchor(X509Certificate certificate) {
        return byDigest.containsKey(sha256(certificate));
    }

    /** The anchor whose key signed the certificate; remembered when {@code shared}. */
    public Optional<X509Certificate> issuerOf(X509Certificate certificate, boolean shared) {
        if (!shared) {
            return findIssuer(certificate);
        }
        String key = sha256(certificate);
        Optional<X509Certificate> known = issued.get(key);
        if (known != null) {
            return known;
        }
        Optional<X509Certificate> found = findIssuer(certificate);
        if (issued.size() < CACHE_LIMIT) {
            issued.put(key, found);
        }
        return found;
    }

    private Optional<X509Certificate> findIssuer(X509Certificate certificate) {
        if (!Algorithms.acceptedCertificateSignature(certificate)) {
            return Optional.empty();
        }
        for (X509Certificate candidate : bySubject.getOrDefault(certificate.getIssuerX500Principal(), List.of())) {
            try {
                certificate.verify(keys.computeIfAbsent(candidate, c -> providerKey(c, provider)), provider);
                return Optional.of(candidate);
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this one
            }
        }
        return Optional.empty();
    }

    /**
     * The key as the provider's own object, made once per anchor when it is first needed (not
     * for all anchors up front: a trust folder holds dozens, a run uses a few, and Bouncy Castle
     * tests each RSA modulus it is given): Bouncy Castle then keeps its precomputed multiples of
     * the point with the key, and every later verification with the same CA key (one per signer
     * certificate) is markedly faster.
     */
    static PublicKey providerKey(X509Certificate certificate, Provider provider) {
        return ProviderKeys.of(certificate.getPublicKey(), provider);
    }

    static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
