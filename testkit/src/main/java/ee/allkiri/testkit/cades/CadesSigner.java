package ee.allkiri.testkit.cades;

import ee.allkiri.testkit.pki.Authority;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.testkit.service.OcspResponder;
import ee.allkiri.testkit.service.OcspStatus;
import ee.allkiri.testkit.service.TimeStampAuthority;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.SignatureSpec;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;

/**
 * Writes detached CAdES baseline signatures (ETSI EN 319 122-1) as an ASiC-E container carries
 * them over its ASiCManifest: signed attributes content-type, message-digest, signing-time and
 * signing-certificate-v2; at T a signature time-stamp over the signature value; at LT also the
 * CA certificate in {@code certificates} and the signer's OCSP response as
 * {@code id-ri-ocsp-response} other revocation information (RFC 5940). The persona, times,
 * services and OCSP status come from a {@link SignatureSpec} (levels B, T and LT). Thread-safe.
 *
 * @since 0.1.0
 */
public final class CadesSigner {

    private static final BcDigestCalculatorProvider DIGESTS = new BcDigestCalculatorProvider();

    private final TestPki pki;

    public CadesSigner(TestPki pki) {
        this.pki = pki;
    }

    /** The DER ContentInfo of a detached signature over the content, at the spec's level. */
    public byte[] sign(SignatureSpec spec, byte[] content) {
        Level level = spec.level();
        if (level != Level.B && level != Level.T && level != Level.LT) {
            throw new IllegalArgumentException("the CAdES forge writes levels B, T and LT, not " + level);
        }
        Persona persona = spec.persona();
        try {
            X509CertificateHolder signerCertificate = holder(persona.certificate());
            CMSSignedDataGenerator basic = new CMSSignedDataGenerator();
            basic.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(DIGESTS)
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signedAttributes(spec)))
                    .build(persona.signer().contentSigner(), signerCertificate));
            CMSSignedData signed = basic.generate(new CMSProcessableByteArray(content), false);
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            if (level != Level.B) {
                byte[] token = new TimeStampAuthority(spec.tsa() != null ? spec.tsa() : pki.tsa())
                        .token(sha256(signer.getSignature()), spec.effectiveTimestampTime());
                ASN1EncodableVector unsigned = new ASN1EncodableVector();
                unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new DERSet(ASN1Primitive.fromByteArray(token))));
                signer = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
            }
            CMSSignedDataGenerator full = new CMSSignedDataGenerator();
            full.addSigners(new SignerInformationStore(signer));
            full.addCertificate(signerCertificate);
            if (level == Level.LT) {
                full.addCertificate(holder(persona.issuer().certificate()));
                full.addOtherRevocationInfo(CMSObjectIdentifiers.id_ri_ocsp_response, OCSPResponse.getInstance(ocsp(spec)));
            }
            return full.generate(new CMSAbsentContent(), false).getEncoded();
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot write a CAdES signature", e);
        }
    }

    private static AttributeTable signedAttributes(SignatureSpec spec) throws CertificateEncodingException {
        X509Certificate certificate = spec.persona().certificate();
        X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
        ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                sha256(certificate.getEncoded()),
                new IssuerSerial(new GeneralNames(new GeneralName(issuer)), certificate.getSerialNumber()));
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(spec.signingTime())))));
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
        return new AttributeTable(attributes);
    }

    private byte[] ocsp(SignatureSpec spec) {
        Persona persona = spec.persona();
        Authority responder = spec.ocspResponder() != null ? spec.ocspResponder() : pki.ocspResponder(persona);
        OcspStatus status = spec.ocspStatus() != null ? spec.ocspStatus()
                : OcspStatus.at(persona.revokedAt(), spec.effectiveOcspTime());
        return new OcspResponder(responder).respond(persona.certificate(), persona.issuer().certificate(), status,
                spec.effectiveOcspTime(), null);
    }

    private static X509CertificateHolder holder(X509Certificate certificate) throws CertificateEncodingException, IOException {
        return new X509CertificateHolder(certificate.getEncoded());
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
