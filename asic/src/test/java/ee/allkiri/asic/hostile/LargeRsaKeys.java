package ee.allkiri.asic.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.testkit.forge.AsicWriter;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates whose RSA keys are 16,384 bits (the most Bouncy Castle takes), each a distinct odd
 * number with no factor below 1,000, so that Bouncy Castle must run its compositeness test on
 * each (seconds of CPU); and a container with one entry rewritten.
 */
public final class LargeRsaKeys {

    /** The modulus size. */
    public static final int BITS = 16_384;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadMXBean JVM_THREADS = ManagementFactory.getThreadMXBean();

    private LargeRsaKeys() {
    }

    /** That many DER certificates, each with its own large RSA key, signed by a throwaway EC key. */
    public static List<byte[]> certificates(int count) throws GeneralSecurityException, IOException, OperatorCreationException {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair issuer = ec.generateKeyPair();
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SubjectPublicKeyInfo key = new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                    DERNull.INSTANCE), new RSAPublicKey(modulus(), BigInteger.valueOf(65537)));
            X500Name name = new X500Name("CN=large key " + i + " " + RANDOM.nextInt());
            out.add(new X509v3CertificateBuilder(name, BigInteger.valueOf(RANDOM.nextInt(1 << 30)), new Date(0L),
                    new Date(4_000_000_000_000L), name, key)
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())).getEncoded());
        }
        return out;
    }

    /** The container (an ASiC-E: mimetype first and stored) with one entry's bytes rewritten. */
    public static byte[] rewrite(byte[] container, String entry, UnaryOperator<byte[]> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(container)); AsicWriter asic = new AsicWriter(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("mimetype")) {
                    continue; // the writer writes it
                }
                if (e.getName().equals(entry)) {
                    data = change.apply(data);
                    found = true;
                }
                asic.add(e.getName(), data);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no entry " + entry);
        }
        return out.toByteArray();
    }

    /**
     * What one verification on a verifier's own new thread did: its report, that thread, and the
     * thread's CPU from the answer until the verifier has nothing running (the abandoned work
     * reaches its next deadline check).
     */
    public record Measured(ContainerReport report, List<Long> threads, long cpuAfterAnswerNanos) {
    }

    /** Verifies on a verifier whose threads are all new, and measures. */
    public static Measured verify(Verifier verifier, byte[] container, String name) throws InterruptedException {
        long[] before = verifyingThreadIds();
        ContainerReport report = verifier.verify(container, name);
        List<Long> threads = Arrays.stream(verifyingThreadIds()).filter(id -> Arrays.stream(before).noneMatch(b -> b == id))
                .boxed().toList();
        long atAnswer = cpu(threads);
        for (int waited = 0; verifier.statistics().running() > 0 && waited < 600_000; waited += 20) {
            Thread.sleep(20);
        }
        return new Measured(report, threads, cpu(threads) - atAnswer);
    }

    private static long[] verifyingThreadIds() {
        return Arrays.stream(JVM_THREADS.getThreadInfo(JVM_THREADS.getAllThreadIds()))
                .filter(t -> t != null && t.getThreadName().startsWith("allkiri-verify-")).mapToLong(t -> t.getThreadId()).toArray();
    }

    private static long cpu(List<Long> ids) {
        return ids.stream().mapToLong(id -> Math.max(0, JVM_THREADS.getThreadCpuTime(id))).sum();
    }

    private static BigInteger modulus() {
        while (true) {
            BigInteger n = new BigInteger(BITS, RANDOM).setBit(BITS - 1).setBit(0);
            boolean smallFactor = false;
            for (int p = 3; p < 1000 && !smallFactor; p += 2) {
                smallFactor = n.mod(BigInteger.valueOf(p)).signum() == 0;
            }
            if (!smallFactor) {
                return n;
            }
        }
    }
}
