package ee.allkiri.asic.internal.signature;

import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.Properties;

/**
 * Some Estonian ID-cards of 2014-2018 carry certificates with a non-minimal INTEGER encoding
 * (an RSA modulus with a superfluous leading zero byte). Bouncy Castle, which DSS parses with,
 * rejects them unless told otherwise; digidoc4j tells it so for the whole JVM. The
 * certificate's own signature covers the exact bytes, so reading them leniently does not let
 * anyone change them. allkiri detects such certificates first and, only for a signature that
 * has one, lets the validating thread read them leniently (a thread-local override, never a
 * JVM-wide property), and reports it.
 */
final class NonDerCertificates {

    private static final String UNSAFE_INTEGER = "org.bouncycastle.asn1.allow_unsafe_integer";

    private NonDerCertificates() {
    }

    /** How many of the certificates parse only with lenient INTEGER decoding. */
    static int count(List<byte[]> certificates) {
        int count = 0;
        for (byte[] der : certificates) {
            if (!parses(der) && leniently(() -> parses(der))) {
                count++;
            }
        }
        return count;
    }

    /** Runs the task leniently when asked to, else as it is. */
    static <T> T when(boolean lenient, Supplier<T> task) {
        return lenient ? leniently(task) : task.get();
    }

    /** Runs the task with lenient INTEGER decoding on this thread only. */
    static <T> T leniently(Supplier<T> task) {
        boolean alreadyLenient = Properties.setThreadOverride(UNSAFE_INTEGER, true);
        try {
            return task.get();
        } finally {
            if (!alreadyLenient) {
                Properties.removeThreadOverride(UNSAFE_INTEGER);
            }
        }
    }

    private static boolean parses(byte[] der) {
        try {
            Certificate certificate = Certificate.getInstance(der);
            SubjectPublicKeyInfo key = certificate.getSubjectPublicKeyInfo();
            if (PKCSObjectIdentifiers.rsaEncryption.equals(key.getAlgorithm().getAlgorithm())) {
                RSAPublicKey.getInstance(key.parsePublicKey());
            }
            return true;
        } catch (RuntimeException | java.io.IOException e) {
            return false;
        }
    }
}
