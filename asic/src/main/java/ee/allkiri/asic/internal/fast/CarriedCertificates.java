package ee.allkiri.asic.internal.fast;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/**
 * The certificates a signature carries (in KeyInfo, CertificateValues and its OCSP responses),
 * seen as DSS sees them. DSS builds chains through any certificate it finds with the right key,
 * and gives up on a signature when a certificate it was given does not parse: a copy of the
 * signer's CA or of an OCSP responder with a changed subject, or a root whose extension does not
 * parse, makes DSS fail a signature whose trusted certificates are all in order. So the fast path
 * takes a signature only when every certificate it carries parses as DSS parses it (names and the
 * extensions DSS reads, with Bouncy Castle) and no two different certificates, carried or
 * trusted, share a public key; anything else is DSS's to judge. Thread-safe.
 */
public final class CarriedCertificates {

    private static final int PARSED_LIMIT = 10_000;

    private final Provider provider;
    private final Map<ByteBuffer, Set<X509Certificate>> anchorsByKey = new HashMap<>();
    /** Whether a certificate (by its encoding) parses as DSS parses it. */
    private final Map<ByteBuffer, Boolean> parses = new ConcurrentHashMap<>();

    /** @param provider the Bouncy Castle provider DSS's way of reading a certificate is tried with */
    public CarriedCertificates(Collection<X509Certificate> anchors, Provider provider) {
        this.provider = provider;
        for (X509Certificate anchor : anchors) {
            anchorsByKey.computeIfAbsent(key(anchor), k -> new HashSet<>()).add(anchor);
        }
    }

    /**
     * @param carried  the certificates the signature carries that parsed
     * @param unparsed how many it carries that did not parse
     * @return whether every one parses as DSS parses it and each public key among them and the
     *         anchors belongs to one certificate
     */
    public boolean unambiguous(List<X509Certificate> carried, int unparsed) {
        if (unparsed > 0) {
            return false;
        }
        Map<ByteBuffer, X509Certificate> seen = new HashMap<>();
        for (X509Certificate certificate : carried) {
            ByteBuffer key = key(certificate);
            Set<X509Certificate> trusted = anchorsByKey.getOrDefault(key, Set.of());
            X509Certificate other = seen.putIfAbsent(key, certificate);
            if ((other != null && !other.equals(certificate)) || (!trusted.isEmpty() && !trusted.equals(Set.of(certificate)))
                    || !parsesAsDss(certificate)) {
                return false;
            }
        }
        return true;
    }

    private boolean parsesAsDss(X509Certificate certificate) {
        ByteBuffer encoded;
        try {
            encoded = ByteBuffer.wrap(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
        Boolean known = parses.get(encoded);
        if (known != null) {
            return known;
        }
        boolean result = parse(encoded.array());
        if (parses.size() < PARSED_LIMIT) {
            parses.put(encoded, result);
        }
        return result;
    }

    /**
     * Bouncy Castle's reading of the certificate as DSS loads it (a JCA certificate with an RSA or
     * EC key), of the names, and of each extension DSS reads.
     */
    private boolean parse(byte[] der) {
        try {
            X509CertificateHolder holder = new X509CertificateHolder(der);
            PublicKey key = new JcaX509CertificateConverter().setProvider(provider).getCertificate(holder).getPublicKey();
            if (!(key instanceof RSAPublicKey) && !(key instanceof ECPublicKey)) {
                return false;
            }
            Certificate certificate = holder.toASN1Structure();
            certificate.getSubject().toString();
            certificate.getIssuer().toString();
            Extensions extensions = certificate.getTBSCertificate().getExtensions();
            if (extensions == null) {
                return true;
            }
            for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
                read(oid, extensions.getExtensionParsedValue(oid));
            }
            return true;
        } catch (RuntimeException | IOException | CertificateException e) {
            return false;
        }
    }

    private static void read(ASN1ObjectIdentifier oid, ASN1Encodable value) {
        if (oid.equals(Extension.authorityKeyIdentifier)) {
            AuthorityKeyIdentifier.getInstance(value);
        } else if (oid.equals(Extension.subjectKeyIdentifier)) {
            SubjectKeyIdentifier.getInstance(value);
        } else if (oid.equals(Extension.keyUsage)) {
            KeyUsage.getInstance(value);
        } else if (oid.equals(Extension.extendedKeyUsage)) {
            ExtendedKeyUsage.getInstance(value);
        } else if (oid.equals(Extension.basicConstraints)) {
            BasicConstraints.getInstance(value);
        } else if (oid.equals(Extension.certificatePolicies)) {
            CertificatePolicies.getInstance(value);
        } else if (oid.equals(Extension.authorityInfoAccess)) {
            AuthorityInformationAccess.getInstance(value);
        } else if (oid.equals(Extension.cRLDistributionPoints)) {
            CRLDistPoint.getInstance(value).getDistributionPoints();
        } else if (oid.equals(Extension.subjectAlternativeName)) {
            GeneralNames.getInstance(value);
        } else if (oid.equals(Extension.qCStatements)) {
            for (ASN1Encodable statement : ASN1Sequence.getInstance(value)) {
                QCStatement.getInstance(statement);
            }
        }
    }

    private static ByteBuffer key(X509Certificate certificate) {
        return ByteBuffer.wrap(certificate.getPublicKey().getEncoded());
    }
}
