package ee.allkiri.testkit.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.qualified.ETSIQCObjectIdentifiers;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;

/**
 * Builds the certificates of the test PKI with the extensions SK ID Solutions' certificates
 * carry (see the repository's {@code fixtures/trust}): basic constraints, key usage, policies with a
 * CPS qualifier, key identifiers, authority information access, qcStatements, and for
 * services the extended key usage (critical) and ocsp-nocheck.
 */
final class CertificateIssuer {

    static final String CPS = "https://testkit.invalid/CPS";
    static final ASN1ObjectIdentifier ANY_POLICY = new ASN1ObjectIdentifier("2.5.29.32.0");
    private static final ASN1ObjectIdentifier QC_TYPE_ESIGN = new ASN1ObjectIdentifier("0.4.0.1862.1.6.1");
    private static final ASN1ObjectIdentifier QC_TYPE_ESEAL = new ASN1ObjectIdentifier("0.4.0.1862.1.6.2");

    /** What kind of certificate to make; {@code OCSP_WITHOUT_NOCHECK} is a responder whose own status a client should check. */
    enum Profile { CA, OCSP, OCSP_WITHOUT_NOCHECK, TSA, SIGNER, SEAL }

    private final JcaX509ExtensionUtils extensions;

    CertificateIssuer() {
        try {
            extensions = new JcaX509ExtensionUtils();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Issues one certificate.
     *
     * @param issuer     the issuing authority, or null for self-signed (then {@code selfSigner} signs)
     * @param selfSigner the subject's own key, used when {@code issuer} is null
     * @param policies   certificate policy OIDs (the first gets the CPS qualifier); empty for none
     * @param ocspUrl    the AIA OCSP URL, or null
     */
    X509Certificate issue(Profile profile, X500Name subject, PublicKey key, BigInteger serial, Instant from, Instant until,
                          Authority issuer, KeySigner selfSigner, List<String> policies, boolean nonRepudiation,
                          String ocspUrl, String caIssuersUrl) {
        return issue(profile, subject, key, serial, from, until, issuer, selfSigner, policies, nonRepudiation, ocspUrl,
                caIssuersUrl, Set.of());
    }

    /** Issues one certificate; a signer's or seal's with the given quirks (see {@link CertificateQuirk}). */
    X509Certificate issue(Profile profile, X500Name subject, PublicKey key, BigInteger serial, Instant from, Instant until,
                          Authority issuer, KeySigner selfSigner, List<String> policies, boolean nonRepudiation,
                          String ocspUrl, String caIssuersUrl, Set<CertificateQuirk> quirks) {
        try {
            X500Name issuerName = issuer == null ? subject
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuerName, serial, Date.from(from), Date.from(until),
                    subject, spki);
            switch (profile) {
                case CA -> {
                    b.addExtension(Extension.basicConstraints, true, issuer == null ? new BasicConstraints(true)
                            : new BasicConstraints(0));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                case OCSP, OCSP_WITHOUT_NOCHECK -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
                    if (profile == Profile.OCSP) {
                        b.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
                    }
                }
                case TSA -> {
                    b.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                    b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                }
                case SIGNER, SEAL -> {
                    if (quirks.contains(CertificateQuirk.CA)) {
                        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    } else {
                        b.addExtension(Extension.basicConstraints, false, new BasicConstraints(false));
                    }
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(nonRepudiation
                            ? KeyUsage.nonRepudiation : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                    addQuirks(b, quirks);
                }
            }
            if (!policies.isEmpty()) {
                b.addExtension(Extension.certificatePolicies, false, policies(policies));
            }
            b.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(spki));
            if (issuer != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(issuer.certificate().getPublicKey()));
            }
            if (profile == Profile.SIGNER || profile == Profile.SEAL) {
                b.addExtension(Extension.qCStatements, false, qcStatements(profile == Profile.SEAL));
            }
            if (ocspUrl != null || caIssuersUrl != null) {
                ASN1EncodableVector access = new ASN1EncodableVector();
                if (ocspUrl != null) {
                    access.add(new AccessDescription(AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
                }
                if (caIssuersUrl != null) {
                    access.add(new AccessDescription(AccessDescription.id_ad_caIssuers,
                            new GeneralName(GeneralName.uniformResourceIdentifier, caIssuersUrl)));
                }
                b.addExtension(Extension.authorityInfoAccess, false,
                        AuthorityInformationAccess.getInstance(new DERSequence(access)));
            }
            KeySigner signer = issuer == null ? selfSigner : issuer.signer();
            byte[] der = b.build(signer.contentSigner()).getEncoded();
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot issue a certificate for " + subject, e);
        }
    }

    /** The extended key usage and unknown critical extension quirks (cA=true is set with basic constraints). */
    private static void addQuirks(X509v3CertificateBuilder b, Set<CertificateQuirk> quirks) throws IOException {
        if (quirks.contains(CertificateQuirk.TIME_STAMPING)) {
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        } else if (quirks.contains(CertificateQuirk.OCSP_SIGNING)) {
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
        } else if (quirks.contains(CertificateQuirk.CLIENT_AUTH)) {
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        }
        if (quirks.contains(CertificateQuirk.UNKNOWN_CRITICAL_EXTENSION)) {
            b.addExtension(new ASN1ObjectIdentifier(CertificateQuirk.UNKNOWN_EXTENSION_OID), true,
                    new DERUTF8String("allkiri testkit: an extension no verifier knows"));
        }
    }

    private static CertificatePolicies policies(List<String> oids) {
        PolicyInformation[] infos = new PolicyInformation[oids.size()];
        for (int i = 0; i < oids.size(); i++) {
            ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(oids.get(i));
            infos[i] = i == 0 && !oid.equals(ANY_POLICY)
                    ? new PolicyInformation(oid, new DERSequence(new PolicyQualifierInfo(CPS)))
                    : new PolicyInformation(oid);
        }
        return new CertificatePolicies(infos);
    }

    /** QcCompliance, QcSSCD, QcType (esign or eseal) and QcPDS, as on ESTEID2018 and EID-Q certificates. */
    private static DERSequence qcStatements(boolean seal) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new QCStatement(ETSIQCObjectIdentifiers.id_etsi_qcs_QcCompliance));
        v.add(new QCStatement(ETSIQCObjectIdentifiers.id_etsi_qcs_QcSSCD));
        v.add(new QCStatement(ETSIQCObjectIdentifiers.id_etsi_qcs_QcType, new DERSequence(seal ? QC_TYPE_ESEAL : QC_TYPE_ESIGN)));
        ASN1EncodableVector pds = new ASN1EncodableVector();
        pds.add(new DERIA5String("https://testkit.invalid/conditions-for-use-of-certificates/"));
        pds.add(new DERPrintableString("EN"));
        v.add(new QCStatement(new ASN1ObjectIdentifier("0.4.0.1862.1.5"), new DERSequence(new DERSequence(pds))));
        return new DERSequence(v);
    }
}
