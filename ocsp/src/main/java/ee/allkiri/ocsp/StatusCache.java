package ee.allkiri.ocsp;

import ee.allkiri.core.spi.RevocationResult.Found;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Verified statuses by issuer and serial number, kept until their nextUpdate (a status without
 * one is never kept: RFC 5019 4 reads that as "newer information is always available") and
 * only while the policy's status age allows. Least recently used entries go first once the
 * cache is full. Thread-safe.
 */
final class StatusCache {

    private final int capacity;
    private final OcspPolicy policy;
    private final Map<String, Found> entries;

    StatusCache(int capacity, OcspPolicy policy) {
        this.capacity = capacity;
        this.policy = policy;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    synchronized Optional<Found> get(X509Certificate certificate, X509Certificate issuer, Instant now) {
        if (capacity == 0) {
            return Optional.empty();
        }
        String key = key(certificate, issuer);
        Found found = entries.get(key);
        if (found == null) {
            return Optional.empty();
        }
        if (!usable(found, now)) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(found);
    }

    synchronized void put(X509Certificate certificate, X509Certificate issuer, Found found, Instant now) {
        if (capacity == 0 || found.nextUpdate() == null || !usable(found, now)) {
            return;
        }
        entries.put(key(certificate, issuer), found);
        while (entries.size() > capacity) {
            entries.remove(entries.keySet().iterator().next());
        }
    }

    private boolean usable(Found found, Instant now) {
        return now.isBefore(found.nextUpdate())
                && !now.isBefore(found.thisUpdate().minus(policy.clockSkew()))
                && !found.thisUpdate().isBefore(now.minus(policy.statusAge()));
    }

    private static String key(X509Certificate certificate, X509Certificate issuer) {
        try {
            byte[] keyHash = MessageDigest.getInstance("SHA-256").digest(issuer.getPublicKey().getEncoded());
            return issuer.getSubjectX500Principal().getName() + "|" + HexFormat.of().formatHex(keyHash) + "|"
                    + certificate.getSerialNumber().toString(16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
