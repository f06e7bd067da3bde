package ee.allkiri.asic.internal.fast;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;

/**
 * Makes Bouncy Castle test each RSA modulus a verifier meets once, not once per use.
 *
 * <p>Bouncy Castle tests every RSA public modulus it is handed for being composite (Miller-Rabin:
 * a full-size modular exponentiation, 25 ms for 2048 bits and 150 ms for 4096 bits in a JVM that
 * runs C1 code only, as the launcher does) and remembers a tested modulus only while a key
 * holding it is reachable. DSS reads each signature's certificates afresh, so every DSS
 * validation tested the CA, OCSP responder and time-stamping unit keys again: more than half the
 * CPU of a command-line run over the fixtures went there. This class holds a key for each RSA key
 * the signatures carry ({@link #retain}, bounded), so that the tests Bouncy Castle makes later for
 * an equal modulus are look-ups; a modulus not held (evicted, or one Bouncy Castle refuses) is
 * tested again, never skipped.
 *
 * <p>Nothing is registered as tested without the test, the trust anchors included: Bouncy Castle's
 * record of tested moduli is one for the whole JVM and is keyed by the modulus alone, so a modulus
 * registered untested would be taken as tested for any certificate carrying it, by every verifier in
 * the JVM, and for a while after this one is gone (its last few entries are held strongly). A
 * trust anchor whose modulus is a prime would then pass its own signatures and any certificate's
 * with that modulus (docs/red-team.md, "Weak RSA keys"). An anchor's modulus is tested like any
 * other, the first time the verifier meets it (a carried copy is then held here).
 *
 * Thread-safe.
 */
public final class CheckedKeys {

    /** Keys held at most by default; past it the set starts again (a bundle carries a handful of shared keys). */
    static final int LIMIT = 4_096;

    private final int limit;
    private final Function<byte[], PublicKey> convert;
    private final Map<ByteBuffer, Held> held = new ConcurrentHashMap<>();

    /** @param provider the Bouncy Castle provider */
    public CheckedKeys(Provider provider) {
        this(provider, LIMIT);
    }

    CheckedKeys(Provider provider, int limit) {
        this(key -> convert(provider, key), limit);
    }

    /** @param convert the key as Bouncy Castle's, after its test, or null when Bouncy Castle refuses it */
    CheckedKeys(Function<byte[], PublicKey> convert, int limit) {
        this.limit = limit;
        this.convert = convert;
    }

    /**
     * Holds the key of each certificate that has an RSA key.
     *
     * @param checkpoint runs before each key that is not held yet, and may throw to stop the work
     *                   (the verification's deadline: a test of a 16,384-bit modulus takes seconds)
     */
    public void retain(Iterable<X509Certificate> certificates, Runnable checkpoint) {
        for (X509Certificate certificate : certificates) {
            if (certificate.getPublicKey() instanceof RSAPublicKey key) {
                retain(key.getEncoded(), checkpoint);
            }
        }
    }

    /**
     * Holds the RSA key of each DER certificate, read as Bouncy Castle (and so DSS) reads it, a
     * non-DER one included; one that does not parse is left alone.
     *
     * @param checkpoint runs before each key that is not held yet, and may throw to stop the work
     */
    public void retainEncoded(Iterable<byte[]> certificates, Runnable checkpoint) {
        for (byte[] der : certificates) {
            byte[] key;
            try {
                key = Certificate.getInstance(der).getSubjectPublicKeyInfo().getEncoded();
            } catch (IOException | RuntimeException e) {
                continue;
            }
            retain(key, checkpoint);
        }
    }

    /**
     * Holds the key when it is an RSA key (rsaEncryption); anything else, or an encoding that
     * does not parse, is left alone.
     *
     * @param subjectPublicKeyInfo the DER SubjectPublicKeyInfo
     * @param checkpoint           runs first when the key is not held yet, and may throw to stop the work
     */
    public void retain(byte[] subjectPublicKeyInfo, Runnable checkpoint) {
        ByteBuffer key = ByteBuffer.wrap(subjectPublicKeyInfo);
        Held entry = held.get(key);
        if (entry == null) {
            if (!isRsa(subjectPublicKeyInfo)) {
                return;
            }
            if (held.size() >= limit) {
                held.clear();
            }
            entry = held.computeIfAbsent(key, k -> new Held());
        }
        if (!entry.holds()) {
            checkpoint.run();
        }
        if (!entry.convert(subjectPublicKeyInfo, convert)) {
            held.remove(key, entry); // a key Bouncy Castle refuses is for the engine that uses it to report
        }
    }

    /**
     * Holds the RSA keys of the certificates in a CMS SignedData (a time-stamp token); one that does
     * not parse is left alone.
     *
     * @param checkpoint runs before each key that is not held yet, and may throw to stop the work
     */
    public void retainSignedData(byte[] der, Runnable checkpoint) {
        List<byte[]> keys = new ArrayList<>();
        try {
            for (X509CertificateHolder certificate : new CMSSignedData(der).getCertificates().getMatches(null)) {
                keys.add(certificate.getSubjectPublicKeyInfo().getEncoded());
            }
        } catch (CMSException | IOException | RuntimeException e) {
            // not for this class to report
        }
        for (byte[] key : keys) {
            retain(key, checkpoint); // outside the try: what the checkpoint throws is not swallowed
        }
    }

    /** How many keys are held. */
    int size() {
        return (int) held.values().stream().filter(Held::holds).count();
    }

    private static PublicKey convert(Provider provider, byte[] subjectPublicKeyInfo) {
        try {
            return KeyFactory.getInstance("RSA", provider).generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /**
     * One RSA key, converted by one thread while the others that meet it wait: two threads that
     * converted the same modulus at once would each run Bouncy Castle's test, and Bouncy Castle
     * would remember the modulus only while the first thread's key lived, which need not be the
     * key held here (seen over the fixtures: a 4,096-bit modulus tested five times in one run).
     */
    private static final class Held {
        private PublicKey key;
        private boolean refused;

        synchronized boolean convert(byte[] subjectPublicKeyInfo, Function<byte[], PublicKey> convert) {
            if (key == null && !refused) {
                key = convert.apply(subjectPublicKeyInfo);
                refused = key == null;
            }
            return !refused;
        }

        synchronized boolean holds() {
            return key != null;
        }
    }

    private static boolean isRsa(byte[] subjectPublicKeyInfo) {
        try {
            return SubjectPublicKeyInfo.getInstance(subjectPublicKeyInfo).getAlgorithm().getAlgorithm()
                    .equals(PKCSObjectIdentifiers.rsaEncryption);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
