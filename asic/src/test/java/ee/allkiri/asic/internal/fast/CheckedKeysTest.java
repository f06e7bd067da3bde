package ee.allkiri.asic.internal.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.Reference;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bouncy Castle tests each RSA modulus once per verifier: carried keys are held (bounded, never one
 * Bouncy Castle refuses); no modulus is registered with Bouncy Castle without its test (the red
 * team's WeakAnchorTest: a trust anchor with a prime modulus).
 */
class CheckedKeysTest {

    private static final BigInteger E = BigInteger.valueOf(65537);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Runnable NOTHING = () -> { };
    private static KeyPair issuer;

    @BeforeAll
    static void issuer() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        issuer = rsa.generateKeyPair();
    }

    @Test
    void eachRsaKeyIsHeldOnceAndNoOtherKey() throws Exception {
        X509Certificate a = certificate(rsaKey());
        X509Certificate b = certificate(rsaKey());
        X509Certificate ec = certificate(ecKey());
        CheckedKeys keys = new CheckedKeys(new BouncyCastleProvider());

        keys.retain(List.of(a, a, certificate(a.getPublicKey()), b, ec), NOTHING);

        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void certificatesAreReadAsEncodedAndFromATimestampTokensCertificates() throws Exception {
        X509Certificate a = certificate(rsaKey());
        X509Certificate b = certificate(rsaKey());
        CheckedKeys keys = new CheckedKeys(new BouncyCastleProvider());

        keys.retainEncoded(List.of(a.getEncoded(), new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, new byte[0]), NOTHING);
        assertThat(keys.size()).isEqualTo(1);

        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addCertificates(new JcaCertStore(List.of(a, b, certificate(ecKey()))));
        keys.retainSignedData(generator.generate(new CMSAbsentContent()).getEncoded(), NOTHING);
        keys.retainSignedData(new byte[] {1, 2, 3}, NOTHING);
        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void aModulusBouncyCastleRefusesIsNotHeldAndStaysRefused() throws Exception {
        BigInteger prime = BigInteger.probablePrime(1024, RANDOM);
        CheckedKeys keys = new CheckedKeys(new BouncyCastleProvider());

        keys.retain(List.of(certificate(prime)), NOTHING);

        assertThat(keys.size()).isZero();
        assertThatThrownBy(() -> new RSAKeyParameters(false, copy(prime), E)).isInstanceOf(IllegalArgumentException.class);
        Reference.reachabilityFence(keys);
    }

    @Test
    void threadsThatMeetTheSameKeyAtOnceConvertItOnce() throws Exception {
        byte[] key = rsaKey().getEncoded();
        int threads = 8;
        AtomicInteger conversions = new AtomicInteger();
        CountDownLatch arrived = new CountDownLatch(threads);
        CheckedKeys keys = new CheckedKeys(spki -> {
            conversions.incrementAndGet();
            try {
                arrived.await(200, TimeUnit.MILLISECONDS); // the others arrive while this one converts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return convertWithBouncyCastle(spki);
        }, CheckedKeys.LIMIT);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    arrived.countDown();
                    keys.retain(key.clone(), NOTHING);
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(conversions.get()).isEqualTo(1);
        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void theCheckpointRunsBeforeEachKeyNotHeldAndStopsTheWork() throws Exception {
        X509Certificate a = certificate(rsaKey());
        X509Certificate b = certificate(rsaKey());
        X509Certificate c = certificate(rsaKey());
        AtomicInteger conversions = new AtomicInteger();
        CheckedKeys keys = new CheckedKeys(spki -> {
            conversions.incrementAndGet();
            return convertWithBouncyCastle(spki);
        }, CheckedKeys.LIMIT);
        AtomicInteger checkpoints = new AtomicInteger();
        keys.retain(List.of(a), checkpoints::incrementAndGet);
        assertThat(checkpoints.get()).isEqualTo(1);

        Runnable stopAtTheSecondNewKey = () -> {
            if (checkpoints.incrementAndGet() == 3) {
                throw new IllegalStateException("past the deadline");
            }
        };
        assertThatThrownBy(() -> keys.retain(List.of(a, b, c, certificate(ecKey())), stopAtTheSecondNewKey))
                .isInstanceOf(IllegalStateException.class);

        assertThat(checkpoints.get()).as("a (held) passes no checkpoint; b and c do").isEqualTo(3);
        assertThat(conversions.get()).as("a and b converted, c not").isEqualTo(2);
        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void aCheckpointThatThrowsIsNotSwallowedWhileReadingATimestampTokensCertificates() throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addCertificates(new JcaCertStore(List.of(certificate(rsaKey()))));
        byte[] token = generator.generate(new CMSAbsentContent()).getEncoded();
        CheckedKeys keys = new CheckedKeys(new BouncyCastleProvider());

        assertThatThrownBy(() -> keys.retainSignedData(token, () -> {
            throw new IllegalStateException("past the deadline");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(keys.size()).isZero();
    }

    @Test
    void aRefusedKeyIsConvertedAgainTheNextTime() throws Exception {
        byte[] key = rsaKey().getEncoded();
        AtomicInteger conversions = new AtomicInteger();
        CheckedKeys keys = new CheckedKeys(spki -> {
            conversions.incrementAndGet();
            return null;
        }, CheckedKeys.LIMIT);

        keys.retain(key, NOTHING);
        keys.retain(key, NOTHING);

        assertThat(conversions.get()).isEqualTo(2);
        assertThat(keys.size()).isZero();
    }

    @Test
    void theHeldKeysAreBounded() throws Exception {
        CheckedKeys keys = new CheckedKeys(new BouncyCastleProvider(), 2);

        keys.retain(List.of(certificate(rsaKey()), certificate(rsaKey())), NOTHING);
        assertThat(keys.size()).isEqualTo(2);
        keys.retain(List.of(certificate(rsaKey())), NOTHING);

        assertThat(keys.size()).isEqualTo(1);
    }

    private static PublicKey convertWithBouncyCastle(byte[] spki) {
        try {
            return java.security.KeyFactory.getInstance("RSA", new BouncyCastleProvider())
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(spki));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger copy(BigInteger value) {
        return new BigInteger(value.toByteArray());
    }

    private static PublicKey rsaKey() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        return rsa.generateKeyPair().getPublic();
    }

    private static PublicKey ecKey() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        return ec.generateKeyPair().getPublic();
    }

    private static X509Certificate certificate(PublicKey key) throws Exception {
        return certificate(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    }

    /** A certificate for an RSA "key" whose modulus is the given number, prime or not. */
    private static X509Certificate certificate(BigInteger modulus) throws Exception {
        return certificate(new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new RSAPublicKey(modulus, E)));
    }

    private static X509Certificate certificate(SubjectPublicKeyInfo key) throws Exception {
        X500Name name = new X500Name("CN=checked keys " + RANDOM.nextInt());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, BigInteger.valueOf(RANDOM.nextInt(1 << 30)),
                new Date(0), new Date(4_000_000_000_000L), name, key);
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate())));
    }
}
