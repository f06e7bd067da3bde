package ee.allkiri.asic.redteam;

import ee.allkiri.testkit.pki.Authority;
import ee.allkiri.testkit.pki.KeySigner;
import ee.allkiri.testkit.pki.KeyType;
import ee.allkiri.testkit.pki.Persona;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPrivateKeySpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;

/**
 * RSA keys that are no keys: a prime modulus (anyone computes d = e^-1 mod (n - 1)), a modulus
 * with a small factor, an even exponent. Bouncy Castle refuses them, to verify and to sign with, so
 * this class signs with BigInteger arithmetic ({@link #PROVIDER}, PKCS#1 v1.5 or, through the JDK's
 * SunRsaSign, RSASSA-PSS) and has the test PKI's CAs certify them by re-issuing one of their
 * certificates (the same extensions, policies and QC statements) for the weak key.
 * Every number is derived from a label, so a run makes the same keys.
 */
final class WeakKeys {

    static final BigInteger F4 = BigInteger.valueOf(65537);
    private static final BigInteger THREE = BigInteger.valueOf(3);
    private static final BigInteger FOUR = BigInteger.valueOf(4);
    private static final Map<String, BigInteger> PRIMES = new ConcurrentHashMap<>();

    /** The signing form a raw key uses. */
    enum Padding { PKCS1, PSS }

    private WeakKeys() {
    }

    /**
     * An RSA private key in name: the public half (n, e) and how to sign. Signs through {@link #PROVIDER}
     * only; no provider checks it.
     */
    static final class RawKey implements PrivateKey {
        private static final long serialVersionUID = 1L;
        private final BigInteger modulus;
        private final BigInteger exponent;
        private final Padding padding;
        private final transient Signer signer;

        private RawKey(BigInteger modulus, BigInteger exponent, Padding padding, Signer signer) {
            this.modulus = modulus;
            this.exponent = exponent;
            this.padding = padding;
            this.signer = signer;
        }

        /** A PKCS#1 v1.5 key: the signature is root(EMSA-PKCS1-v1_5(message)). */
        static RawKey pkcs1(BigInteger modulus, BigInteger exponent, Root root) {
            int k = (modulus.bitLength() + 7) / 8;
            return new RawKey(modulus, exponent, Padding.PKCS1,
                    (digest, message) -> fixed(root.of(new BigInteger(1, WeakKeys.pkcs1(digest, message, k))), k));
        }

        BigInteger modulus() {
            return modulus;
        }

        /** The subjectPublicKeyInfo: rsaEncryption, or id-RSASSA-PSS (no parameters) for a PSS key. */
        SubjectPublicKeyInfo publicKeyInfo() {
            AlgorithmIdentifier algorithm = padding == Padding.PSS
                    ? new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS)
                    : new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
            try {
                return new SubjectPublicKeyInfo(algorithm, new RSAPublicKey(modulus, exponent));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String getAlgorithm() {
            return "RSA";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }

    /** Signs a message with a digest ("SHA-256"): the signature value. */
    interface Signer {
        byte[] sign(String digest, byte[] message) throws SignatureException;
    }

    /** The private operation: the x with x^e = m (mod n), or an exception when there is none. */
    interface Root {
        BigInteger of(BigInteger m) throws SignatureException;
    }

    /** A 2048-bit prime p with gcd(65537, p - 1) = 1 and p = 3 (mod 4), the same for a label on every run. */
    static BigInteger prime(String label) {
        return prime(label, 2048);
    }

    private static BigInteger prime(String label, int bits) {
        return PRIMES.computeIfAbsent(label + "/" + bits, l -> {
            Random random = new Random(seed(l));
            while (true) {
                BigInteger p = BigInteger.probablePrime(bits, random);
                if (p.mod(FOUR).equals(THREE) && p.subtract(BigInteger.ONE).gcd(F4).equals(BigInteger.ONE)) {
                    return p;
                }
            }
        });
    }

    /** A key whose modulus is a prime p, PKCS#1 v1.5: d = e^-1 mod (p - 1). */
    static RawKey primeModulus(String label) {
        BigInteger p = prime(label);
        BigInteger d = F4.modInverse(p.subtract(BigInteger.ONE));
        return RawKey.pkcs1(p, F4, m -> m.modPow(d, p));
    }

    /**
     * A key whose modulus is a prime p, its subjectPublicKeyInfo id-RSASSA-PSS (RFC 4055), signing
     * RSASSA-PSS (MGF1 with the message digest, salt of the digest's length) through the JDK's SunRsaSign,
     * which does not test the modulus.
     */
    static RawKey primeModulusPss(String label) {
        BigInteger p = prime(label);
        return pss(p, F4.modInverse(p.subtract(BigInteger.ONE)));
    }

    private static RawKey pss(BigInteger n, BigInteger d) {
        PrivateKey jdk = jdkKey(n, d);
        return new RawKey(n, F4, Padding.PSS, (digest, message) -> {
            try {
                Signature pss = Signature.getInstance("RSASSA-PSS", "SunRsaSign");
                int length = MessageDigest.getInstance(digest).getDigestLength();
                pss.setParameter(new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest), length, 1));
                pss.initSign(jdk);
                pss.update(message);
                return pss.sign();
            } catch (GeneralSecurityException e) {
                throw new SignatureException("the JDK's SunRsaSign did not sign RSASSA-PSS", e);
            }
        });
    }

    /**
     * A key whose modulus is a prime p (3 mod 4) and whose exponent is even, e = 2 * 65537: a signature
     * exists when the padded digest is a square mod p (half the time), x = sqrt(m)^(65537^-1 mod (p - 1)).
     */
    static RawKey evenExponent(String label) {
        BigInteger p = prime(label);
        BigInteger d = F4.modInverse(p.subtract(BigInteger.ONE));
        return RawKey.pkcs1(p, F4.shiftLeft(1), m -> {
            if (!m.modPow(p.subtract(BigInteger.ONE).shiftRight(1), p).equals(BigInteger.ONE)) {
                throw new SignatureException("the padded digest is no square modulo the prime: sign other bytes");
            }
            return m.modPow(p.add(BigInteger.ONE).shiftRight(2), p).modPow(d, p);
        });
    }

    /** A key whose modulus is 3q, q prime: Bouncy Castle's small-factor test refuses it; d = e^-1 mod (q - 1). */
    static RawKey smallFactor(String label) {
        BigInteger q = prime(label);
        BigInteger n = q.multiply(THREE);
        BigInteger d = F4.modInverse(q.subtract(BigInteger.ONE)); // lcm(2, q - 1) = q - 1
        return RawKey.pkcs1(n, F4, m -> m.modPow(d, n));
    }

    /**
     * A key whose modulus is 751q, q prime: 751 is the first prime past Bouncy Castle's small-factor
     * test (3 to 743), so Bouncy Castle takes it, and anyone who divides by the primes below 1000 has
     * d = e^-1 mod lcm(750, q - 1).
     */
    static RawKey factorPastTheSmallPrimes(String label) {
        BigInteger r = BigInteger.valueOf(751);
        BigInteger q = prime(label);
        BigInteger n = r.multiply(q);
        BigInteger lambda = lcm(r.subtract(BigInteger.ONE), q.subtract(BigInteger.ONE));
        BigInteger d = F4.modInverse(lambda);
        return RawKey.pkcs1(n, F4, m -> m.modPow(d, n));
    }

    /** A key whose modulus is p^2 (2047 or 2048 bits), p prime: composite, so Bouncy Castle takes it; p = sqrt(n). */
    static RawKey square(String label) {
        BigInteger p = prime(label, 1024);
        BigInteger n = p.multiply(p);
        BigInteger d = F4.modInverse(p.multiply(p.subtract(BigInteger.ONE)));
        return RawKey.pkcs1(n, F4, m -> m.modPow(d, n));
    }

    /** A proper modulus with the exponent 1: the signature value is the padded digest, anyone's to write. */
    static RawKey exponentOne(String label) {
        BigInteger[] pq = factors(label);
        return RawKey.pkcs1(pq[0].multiply(pq[1]), BigInteger.ONE, m -> m);
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.multiply(b).divide(a.gcd(b));
    }

    /** A proper 2048-bit key (n = pq), signed with the same arithmetic: the control that the forgery itself is sound. */
    static RawKey composite(String label) {
        BigInteger[] pq = factors(label);
        BigInteger n = pq[0].multiply(pq[1]);
        BigInteger d = F4.modInverse(pq[0].subtract(BigInteger.ONE).multiply(pq[1].subtract(BigInteger.ONE)));
        return RawKey.pkcs1(n, F4, m -> m.modPow(d, n));
    }

    /** The same as {@link #composite}, its subjectPublicKeyInfo id-RSASSA-PSS, signing RSASSA-PSS through SunRsaSign. */
    static RawKey compositePss(String label) {
        BigInteger[] pq = factors(label);
        BigInteger n = pq[0].multiply(pq[1]);
        return pss(n, F4.modInverse(pq[0].subtract(BigInteger.ONE).multiply(pq[1].subtract(BigInteger.ONE))));
    }

    /** Two 1024-bit primes whose product has 2048 bits. */
    private static BigInteger[] factors(String label) {
        BigInteger p = prime(label + "/p", 1024);
        for (int i = 0; ; i++) {
            BigInteger q = prime(label + "/q" + i, 1024);
            if (p.multiply(q).bitLength() == 2048) {
                return new BigInteger[] {p, q};
            }
        }
    }

    // ---- certificates ----

    /**
     * The template certificate issued again by the same authority for another key: subject, validity and
     * every extension the same (the subject key identifier that of the new key), a serial number of its own.
     */
    static X509Certificate reissue(X509Certificate template, Authority issuer, SubjectPublicKeyInfo key, String label) {
        return reissue(template, issuer, key, label, null);
    }

    /** The same under another subject common name (null: the template's subject). */
    static X509Certificate reissue(X509Certificate template, Authority issuer, SubjectPublicKeyInfo key, String label,
                                   String commonName) {
        try {
            X509CertificateHolder holder = new X509CertificateHolder(template.getEncoded());
            X500Name subject = holder.getSubject();
            if (commonName != null) {
                X500NameBuilder renamed = new X500NameBuilder(BCStyle.INSTANCE);
                for (RDN rdn : subject.getRDNs()) {
                    boolean cn = rdn.getFirst().getType().equals(BCStyle.CN);
                    renamed.addRDN(rdn.getFirst().getType(), cn ? new DERUTF8String(commonName) : rdn.getFirst().getValue());
                }
                subject = renamed.build();
            }
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(holder.getIssuer(),
                    new BigInteger(1, sha256(label)).shiftRight(128), holder.getNotBefore(), holder.getNotAfter(),
                    subject, key);
            Extensions extensions = holder.getExtensions();
            for (var oid : extensions.getExtensionOIDs()) {
                if (oid.equals(Extension.subjectKeyIdentifier)) {
                    builder.addExtension(oid, false, new BcX509ExtensionUtils().createSubjectKeyIdentifier(key));
                } else {
                    builder.addExtension(extensions.getExtension(oid));
                }
            }
            byte[] der = builder.build(issuer.signer().contentSigner()).getEncoded();
            try {
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            } catch (CertificateException e) {
                // the JDK refuses some keys outright (an exponent below 3): Bouncy Castle reads the certificate
                return (X509Certificate) CertificateFactory.getInstance("X.509", Forgery.PKI.provider())
                        .generateCertificate(new ByteArrayInputStream(der));
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot re-issue " + template.getSubjectX500Principal() + " for " + label, e);
        }
    }

    /** The persona's certificate issued again for the key (by the persona's CA), the persona signing with it. */
    static Persona persona(Persona template, RawKey key, String label) {
        X509Certificate certificate = reissue(template.certificate(), template.issuer(), key.publicKeyInfo(), label);
        return new Persona(template.spec(), certificate, new KeySigner(key, KeyType.RSA_2048, PROVIDER), template.issuer());
    }

    /** The service's certificate (an OCSP responder, a time-stamping unit) issued again for the key. */
    static Authority authority(Authority template, RawKey key, String label) {
        return authority(template, key, label, null);
    }

    /** The same under another common name (null: the template's). */
    static Authority authority(Authority template, RawKey key, String label, String commonName) {
        X509Certificate certificate = reissue(template.certificate(), template.issuer(), key.publicKeyInfo(), label,
                commonName);
        return new Authority(commonName == null ? template.commonName() : commonName, certificate,
                new KeySigner(key, KeyType.RSA_2048, PROVIDER), template.issuer());
    }

    // ---- signing ----

    /** Signs with a {@link RawKey}: SHA1/256/384/512WITHRSA, verifying nothing. Never registered globally. */
    static final Provider PROVIDER = new RawProvider();

    private static final class RawProvider extends Provider {
        private static final long serialVersionUID = 1L;

        RawProvider() {
            super("AllkiriRedTeamRawRsa", "1.0", "allkiri red team: RSA signatures with BigInteger arithmetic");
            for (String digest : List.of("SHA-1", "SHA-256", "SHA-384", "SHA-512")) {
                putService(new Service(this, "Signature", digest.replace("-", "") + "WITHRSA", RawSignature.class.getName(),
                        null, null) {
                    @Override
                    public Object newInstance(Object parameter) {
                        return new RawSignature(digest);
                    }
                });
            }
        }
    }

    private static final class RawSignature extends SignatureSpi {
        private final String digest;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private RawKey key;

        RawSignature(String digest) {
            this.digest = digest;
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            if (!(privateKey instanceof RawKey raw)) {
                throw new InvalidKeyException("a RawKey only");
            }
            key = raw;
            data.reset();
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            throw new InvalidKeyException("signs only");
        }

        @Override
        protected void engineUpdate(byte b) {
            data.write(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {
            data.write(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            byte[] message = data.toByteArray();
            data.reset();
            return key.signer.sign(digest, message);
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
            throw new SignatureException("signs only");
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException();
        }
    }

    /** The DigestInfo prefixes of RFC 8017 9.2, note 1 (with the NULL parameters). */
    private static final Map<String, String> DIGEST_INFO = Map.of(
            "SHA-1", "3021300906052b0e03021a05000414",
            "SHA-256", "3031300d060960864801650304020105000420",
            "SHA-384", "3041300d060960864801650304020205000430",
            "SHA-512", "3051300d060960864801650304020305000440");

    /** EMSA-PKCS1-v1_5 (RFC 8017 9.2): 00 01 FF.. 00 DigestInfo, k bytes. */
    static byte[] pkcs1(String digest, byte[] message, int k) {
        byte[] prefix = HexFormat.of().parseHex(DIGEST_INFO.get(digest));
        byte[] hash;
        try {
            hash = MessageDigest.getInstance(digest).digest(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        byte[] em = new byte[k];
        em[1] = 1;
        int t = prefix.length + hash.length;
        for (int i = 2; i < k - t - 1; i++) {
            em[i] = (byte) 0xFF;
        }
        System.arraycopy(prefix, 0, em, k - t, prefix.length);
        System.arraycopy(hash, 0, em, k - hash.length, hash.length);
        return em;
    }

    /** The integer as exactly k big-endian bytes. */
    static byte[] fixed(BigInteger x, int k) {
        byte[] bytes = x.toByteArray();
        byte[] out = new byte[k];
        int skip = bytes.length > k ? bytes.length - k : 0;
        System.arraycopy(bytes, skip, out, k - (bytes.length - skip), bytes.length - skip);
        return out;
    }

    private static PrivateKey jdkKey(BigInteger n, BigInteger d) {
        try {
            return KeyFactory.getInstance("RSA", "SunRsaSign").generatePrivate(new RSAPrivateKeySpec(n, d));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's SunRsaSign is needed to sign RSASSA-PSS", e);
        }
    }

    private static long seed(String label) {
        return new BigInteger(1, sha256("weak-rsa:" + label)).longValue();
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
