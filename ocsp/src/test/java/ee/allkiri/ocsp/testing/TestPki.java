package ee.allkiri.ocsp.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small synthetic PKI for the tests: EC P-256 keys, certificates valid a month either side
 * of a base instant, and the extensions OCSP cares about.
 */
public final class TestPki {

    /** One provider instance for the tests; never registered. */
    public static final Provider BC = new BouncyCastleProvider();

    private static final AtomicLong SERIALS = new AtomicLong(0x1000);

    /** A certificate with its private key. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
        public String name() {
            return certificate.getSubjectX500Principal().getName();
        }

        public BigInteger serial() {
            return certificate.getSerialNumber();
        }

        /** PEM of the certificate. */
        public String certificatePem() {
            return pem(certificate);
        }

        /** PEM (PKCS#8) of the key. */
        public String keyPem() {
            try {
                return pem(new JcaPKCS8Generator(key, null).generate());
            } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestPki() {
    }

    public static BigInteger nextSerial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }

    /** A self-signed CA. */
    public static Issued root(String commonName, Instant base) {
        KeyPair keys = keyPair();
        return sign(commonName, keys, name(commonName), keys.getPrivate(), nextSerial(), base.minus(Duration.ofDays(30)),
                base.plus(Duration.ofDays(30)), b -> {
                    add(b, Extension.basicConstraints, true, new BasicConstraints(true));
                    add(b, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
    }

    /** A certificate the CA issues, valid a month either side of the base instant. */
    public static Issued issue(Issued ca, String commonName, Instant base, Consumer<X509v3CertificateBuilder> extensions) {
        return issue(ca, commonName, base.minus(Duration.ofDays(30)), base.plus(Duration.ofDays(30)), extensions);
    }

    public static Issued issue(Issued ca, String commonName, Instant from, Instant until, Consumer<X509v3CertificateBuilder> extensions) {
        return sign(commonName, keyPair(), X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                ca.key(), nextSerial(), from, until, extensions);
    }

    /** A new certificate for the same subject and key, e.g. a responder's renewed certificate. */
    public static Issued reissue(Issued ca, Issued original, Instant from, Instant until, Consumer<X509v3CertificateBuilder> extensions) {
        KeyPair keys = new KeyPair(original.certificate().getPublicKey(), original.key());
        X500Name subject = X500Name.getInstance(original.certificate().getSubjectX500Principal().getEncoded());
        return sign(subject, keys, X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), ca.key(),
                nextSerial(), from, until, extensions);
    }

    /** A signer's certificate: nonRepudiation. */
    public static Consumer<X509v3CertificateBuilder> signer() {
        return b -> add(b, Extension.keyUsage, true, new KeyUsage(KeyUsage.nonRepudiation));
    }

    /** A responder's certificate: id-kp-OCSPSigning, with id-pkix-ocsp-nocheck when asked. */
    public static Consumer<X509v3CertificateBuilder> responder(boolean noCheck) {
        return b -> {
            add(b, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            add(b, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
            if (noCheck) {
                add(b, org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            }
        };
    }

    /** An AIA extension naming an OCSP responder. */
    public static Consumer<X509v3CertificateBuilder> aia(String url) {
        return b -> add(b, Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                new AccessDescription(AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, url))));
    }

    public static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test distinguished name for a common name: C=EE, O=allkiri test, CN=... */
    public static X500Name name(String commonName) {
        return new X500Name("C=EE,O=allkiri test,CN=" + commonName);
    }

    private static Issued sign(String subject, KeyPair keys, X500Name issuer, PrivateKey issuerKey, BigInteger serial,
                               Instant from, Instant until, Consumer<X509v3CertificateBuilder> extensions) {
        return sign(name(subject), keys, issuer, issuerKey, serial, from, until, extensions);
    }

    private static Issued sign(X500Name subject, KeyPair keys, X500Name issuer, PrivateKey issuerKey, BigInteger serial,
                               Instant from, Instant until, Consumer<X509v3CertificateBuilder> extensions) {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from), Date.from(until),
                subject, keys.getPublic());
        extensions.accept(builder);
        try {
            byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(issuerKey)).getEncoded();
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return new Issued(certificate, keys.getPrivate());
        } catch (OperatorCreationException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void add(X509v3CertificateBuilder builder, org.bouncycastle.asn1.ASN1ObjectIdentifier oid, boolean critical,
                    org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
