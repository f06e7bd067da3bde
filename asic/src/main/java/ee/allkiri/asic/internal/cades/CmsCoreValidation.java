package ee.allkiri.asic.internal.cades;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;

/**
 * allkiri's own check of what a CAdES signature of an ASiC-E container signed (RFC 5652 5.4, 5.6;
 * ETSI EN 319 122-1 5.2.2), run before DSS judges it: the signed message-digest attribute is the
 * digest of the ASiCManifest the signature names ({@code REFERENCE_DIGEST_MISMATCH}), the
 * signature verifies with the certificate the SignerIdentifier names ({@code SIGNATURE_VALUE_INVALID}),
 * and the signed ESS signing-certificate attribute names that certificate
 * ({@code SIGNING_CERTIFICATE_MISSING}, {@code SIGNING_CERTIFICATE_DIGEST_MISMATCH}). The manifest's
 * own digests of the data files are {@link ManifestCoverage}'s. Thread-safe.
 */
public final class CmsCoreValidation {

    /**
     * What the check found.
     *
     * @param signer   the certificate the SignerIdentifier names, or null when the signature carries none
     * @param findings what failed; empty when the signature signs the manifest with that certificate
     */
    public record Result(X509Certificate signer, List<Finding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    private final Provider provider;

    public CmsCoreValidation(Provider provider) {
        this.provider = provider;
    }

    /**
     * @param der          the CAdES signature file
     * @param manifest     the bytes of the ASiCManifest it names
     * @param manifestName the manifest's entry name, for findings
     * @param location     the signature file name
     */
    @SuppressWarnings("unchecked")
    public Result check(byte[] der, byte[] manifest, String manifestName, String location) {
        List<Finding> findings = new ArrayList<>();
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(manifest), der);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            Collection<X509CertificateHolder> named = cms.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
            if (named.isEmpty()) {
                findings.add(Finding.of(FindingCode.SIGNING_CERTIFICATE_MISSING, location,
                        "the CMS signature carries no certificate its SignerIdentifier names"));
                return new Result(null, findings);
            }
            X509CertificateHolder holder = named.iterator().next();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            try {
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(provider).build(holder))) {
                    findings.add(Finding.of(FindingCode.SIGNATURE_VALUE_INVALID, location,
                            "the CMS signature does not verify with the signer's key"));
                }
            } catch (CMSSignerDigestMismatchException e) {
                findings.add(Finding.of(FindingCode.REFERENCE_DIGEST_MISMATCH, manifestName,
                        "'" + manifestName + "' does not match the message digest its signature " + location + " signed"));
            }
            signingCertificate(signer, certificate, location).ifPresent(findings::add);
            return new Result(certificate, findings);
        } catch (Exception e) {
            findings.add(Finding.of(FindingCode.SIGNATURE_VALUE_INVALID, location, "the CMS signature cannot be verified: " + e));
            return new Result(null, findings);
        }
    }

    /** The signed ESS signing-certificate attribute (v2, or v1) names the signer's certificate. */
    private static java.util.Optional<Finding> signingCertificate(SignerInformation signer, X509Certificate certificate,
                                                                  String location) throws Exception {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute v2 = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        Attribute v1 = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
        if (v2 == null && v1 == null) {
            return java.util.Optional.of(Finding.of(FindingCode.SIGNING_CERTIFICATE_MISSING, location,
                    "the CMS signature has no signed signing-certificate attribute"));
        }
        byte[] encoded = certificate.getEncoded();
        List<byte[][]> digests = new ArrayList<>(); // {algorithm name, hash}
        if (v2 != null) {
            for (ASN1Encodable value : v2.getAttrValues()) {
                for (ESSCertIDv2 id : SigningCertificateV2.getInstance(value).getCerts()) {
                    String oid = id.getHashAlgorithm().getAlgorithm().getId();
                    digests.add(new byte[][] {oid.getBytes(java.nio.charset.StandardCharsets.US_ASCII), id.getCertHash()});
                }
            }
        }
        if (v1 != null) {
            for (ASN1Encodable value : v1.getAttrValues()) {
                for (ESSCertID id : SigningCertificate.getInstance(value).getCerts()) {
                    digests.add(new byte[][] {"1.3.14.3.2.26".getBytes(java.nio.charset.StandardCharsets.US_ASCII), id.getCertHash()});
                }
            }
        }
        for (byte[][] d : digests) {
            String name = ee.allkiri.ocsp.internal.DigestOids.jcaName(new String(d[0], java.nio.charset.StandardCharsets.US_ASCII));
            if (name != null && MessageDigest.isEqual(MessageDigest.getInstance(name).digest(encoded), d[1])) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(Finding.of(FindingCode.SIGNING_CERTIFICATE_DIGEST_MISMATCH, location,
                "the signed signing-certificate attribute names another certificate than the signer's"));
    }
}
