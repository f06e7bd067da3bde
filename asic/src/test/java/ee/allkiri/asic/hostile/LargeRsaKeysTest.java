package ee.allkiri.asic.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.Fixtures;
import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A signature whose CertificateValues carry many certificates with 16,384-bit RSA keys (the most
 * Bouncy Castle takes): Bouncy Castle tests each modulus for being composite, seconds of CPU
 * each, and no deadline could stop that work, so one upload kept a verifying thread busy long
 * after its budget. The verification checks its deadline before each key it has not met: the
 * caller gets LIMIT_TIME, and the verifying threads stop within about one modulus test, on both
 * paths. Asserted on the verifying threads' CPU after the answer, with a margin far from the
 * old behaviour (every key tested: tens of seconds).
 */
class LargeRsaKeysTest {

    private static final int KEYS = 24;
    private static final int BITS = 16_384;
    private static final Duration BUDGET = Duration.ofMillis(300);
    private static final ThreadMXBean JVM_THREADS = ManagementFactory.getThreadMXBean();
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest(name = "full validation only: {0}")
    @ValueSource(booleans = {false, true})
    void manyLargeRsaKeysStopAtTheDeadline(boolean fullValidationOnly) throws Exception {
        byte[] container = withCarriedCertificates(Fixtures.bytes("test.asice"), "META-INF/signatures0.xml", KEYS);
        Verifier.Builder builder = Verifier.builder().trust(new CertificateFolderTrustSource(Fixtures.trust()))
                .validationTime(Fixtures.AT).verifyingThreads(1).limits(ContainerLimits.DEFAULT.withTimeBudget(BUDGET));
        Verifier verifier = (fullValidationOnly ? builder.fullValidationOnly() : builder).build();
        long[] before = verifyingThreadIds();

        ContainerReport report = verifier.verify(container, "large-keys.asice");
        long cpuAtAnswer = cpu(newIds(before));
        for (int waited = 0; verifier.statistics().running() > 0 && waited < 600_000; waited += 20) {
            Thread.sleep(20); // the abandoned work reaches its next deadline check
        }
        long cpuAfterAnswer = cpu(newIds(before)) - cpuAtAnswer;
        System.out.printf("large RSA keys (full validation only: %s): verifying CPU after the answer %d ms%n",
                fullValidationOnly, cpuAfterAnswer / 1_000_000);

        assertThat(report.allFindings().map(Finding::code).toList()).containsExactly(FindingCode.LIMIT_TIME);
        assertThat(verifier.statistics().running()).isZero();
        // one modulus test may run on past the deadline: a few seconds here; all 24 would be a minute or more
        assertThat(cpuAfterAnswer).as("CPU of the verifying thread after the answer, ns").isLessThan(TimeUnit.SECONDS.toNanos(15));
    }

    /** The container with that many certificates of distinct large RSA keys added to the signature's CertificateValues. */
    static byte[] withCarriedCertificates(byte[] container, String signatureFile, int count) throws Exception {
        StringBuilder added = new StringBuilder();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair issuer = ec.generateKeyPair();
        for (int i = 0; i < count; i++) {
            added.append("<xades:EncapsulatedX509Certificate>")
                    .append(Base64.getEncoder().encodeToString(certificate(compositeModulus(), issuer)))
                    .append("</xades:EncapsulatedX509Certificate>");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(container));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals(signatureFile)) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int end = xml.indexOf("</xades:CertificateValues>");
                    assertThat(end).as("the signature has CertificateValues").isPositive();
                    data = (xml.substring(0, end) + added + xml.substring(end)).getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                if (e.getName().equals("mimetype")) {
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(data.length);
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    copy.setCrc(crc.getValue());
                }
                zip.putNextEntry(copy);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** An odd number of that size with no factor below 1,000: composite (a product of larger primes) almost surely, and Bouncy Castle must run its test. */
    private static BigInteger compositeModulus() {
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

    private static byte[] certificate(BigInteger modulus, KeyPair issuer) throws Exception {
        SubjectPublicKeyInfo key = new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                DERNull.INSTANCE), new RSAPublicKey(modulus, BigInteger.valueOf(65537)));
        X500Name name = new X500Name("CN=large key " + RANDOM.nextInt());
        return new X509v3CertificateBuilder(name, BigInteger.valueOf(RANDOM.nextInt(1 << 30)), new Date(0L),
                new Date(4_000_000_000_000L), name, key)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())).getEncoded();
    }

    private static long[] verifyingThreadIds() {
        return Arrays.stream(JVM_THREADS.getThreadInfo(JVM_THREADS.getAllThreadIds()))
                .filter(t -> t != null && t.getThreadName().startsWith("allkiri-verify-")).mapToLong(t -> t.getThreadId()).toArray();
    }

    private static List<Long> newIds(long[] before) {
        return Arrays.stream(verifyingThreadIds()).filter(id -> Arrays.stream(before).noneMatch(b -> b == id)).boxed().toList();
    }

    private static long cpu(List<Long> ids) {
        return ids.stream().mapToLong(id -> Math.max(0, JVM_THREADS.getThreadCpuTime(id))).sum();
    }
}
