package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.EPOCH;
import static ee.allkiri.asic.redteam.Forgery.base64;
import static ee.allkiri.asic.redteam.Forgery.container;
import static ee.allkiri.asic.redteam.Forgery.doc;
import static ee.allkiri.asic.redteam.Forgery.signer;
import static ee.allkiri.asic.redteam.Forgery.spec;
import static ee.allkiri.asic.redteam.Forgery.tree;
import static ee.allkiri.asic.redteam.Forgery.unsignedSignatureProperties;
import static ee.allkiri.testkit.xades.XmlNode.el;

import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.xades.XmlNode;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;

/**
 * (p) Second round: a CRL beside the OCSP response. The signer's own CA, in a CRL it signed and
 * put in the signature's CRLValues, says the signer's certificate was revoked a day before the
 * signature, while the OCSP response after the time-stamp says good: the evidence contradicts
 * itself and must not pass, whichever of the two an engine prefers
 * ({@code OCSP_RESPONSES_CONTRADICT}).
 */
final class CrlAttacks {

    static final String FAMILY = "p. CRL beside the OCSP response";
    private static final Instant STAMPED = EPOCH.plusSeconds(1);
    private static final Instant PRODUCED = STAMPED.plusSeconds(2);

    private CrlAttacks() {
    }

    static List<RedTeamAttack> all() {
        return List.of(
                attack("the CA's CRL, issued before the OCSP response, says revoked a day before the signature",
                        FindingCode.OCSP_RESPONSES_CONTRADICT, () -> withCrl(STAMPED.plusSeconds(1))),
                attack("the CA's CRL, issued after the OCSP response, says revoked a day before the signature",
                        FindingCode.OCSP_RESPONSES_CONTRADICT, () -> withCrl(PRODUCED.plusSeconds(60))),
                attack("CAdES: the CA's CRL added to the SignedData's crls (unsigned) says revoked a day before the signature",
                        FindingCode.OCSP_RESPONSES_CONTRADICT, CrlAttacks::cadesWithCrl));
    }

    private static RedTeamAttack attack(String name, FindingCode expected, Supplier<byte[]> container) {
        return RedTeamAttack.of(FAMILY, name, expected, container);
    }

    /** Control: the CA's CRL, issued a day after the signature, lists a revocation after it. */
    static byte[] laterRevocation() {
        return withCrl(STAMPED.plus(Duration.ofDays(1)), STAMPED.plus(Duration.ofHours(12)));
    }

    private static byte[] withCrl(Instant crlThisUpdate) {
        return withCrl(crlThisUpdate, STAMPED.minus(Duration.ofDays(1)));
    }

    private static byte[] withCrl(Instant crlThisUpdate, Instant revokedAt) {
        Persona persona = signer();
        XmlNode root = tree(spec(persona, doc()).timestampTime(STAMPED).ocspTime(PRODUCED).build());
        byte[] crl = crl(persona, crlThisUpdate, revokedAt);
        XmlNode values = unsignedSignatureProperties(root).child("xades:RevocationValues");
        values.insert(0, el("xades:CRLValues").add(el("xades:EncapsulatedCRLValue", base64(crl))));
        return container(List.of(doc()), root);
    }

    private static byte[] cadesWithCrl() {
        Persona persona = signer();
        ee.allkiri.testkit.cades.CadesForge cades = ee.allkiri.asic.hostile.Hostile.FORGE.cades();
        ee.allkiri.testkit.cades.CadesForge.Part part = cades.part(1, spec(persona, doc()).build());
        Instant signed = EPOCH;
        byte[] crl = crl(persona, signed.plusSeconds(1), signed.minus(Duration.ofDays(1)));
        ee.allkiri.testkit.cades.CadesForge.Part withCrl = new ee.allkiri.testkit.cades.CadesForge.Part(part.signatureName(),
                addCrl(part.signature(), crl), part.manifestName(), part.manifest());
        return ee.allkiri.testkit.cades.CadesForge.layout(List.of(doc()), List.of(withCrl), false).toBytes();
    }

    /** The CMS SignedData with one more CRL in its (unsigned) crls set, everything else as it was. */
    private static byte[] addCrl(byte[] cms, byte[] crl) {
        try {
            var info = org.bouncycastle.asn1.cms.ContentInfo.getInstance(cms);
            var data = org.bouncycastle.asn1.cms.SignedData.getInstance(info.getContent());
            org.bouncycastle.asn1.ASN1EncodableVector crls = new org.bouncycastle.asn1.ASN1EncodableVector();
            if (data.getCRLs() != null) {
                for (var c : data.getCRLs()) {
                    crls.add(c);
                }
            }
            crls.add(org.bouncycastle.asn1.x509.CertificateList.getInstance(crl));
            var changed = new org.bouncycastle.asn1.cms.SignedData(data.getDigestAlgorithms(), data.getEncapContentInfo(),
                    data.getCertificates(), new org.bouncycastle.asn1.DLSet(crls), data.getSignerInfos());
            return new org.bouncycastle.asn1.cms.ContentInfo(org.bouncycastle.asn1.cms.CMSObjectIdentifiers.signedData, changed)
                    .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CRL of the persona's CA listing its certificate as revoked (key compromise) at {@code revokedAt}. */
    static byte[] crl(Persona persona, Instant thisUpdate, Instant revokedAt) {
        try {
            X500Name issuer = X500Name.getInstance(persona.issuer().certificate().getSubjectX500Principal().getEncoded());
            X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer, Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofDays(1))));
            BigInteger serial = persona.certificate().getSerialNumber();
            builder.addCRLEntry(serial, Date.from(revokedAt), CRLReason.keyCompromise);
            return builder.build(persona.issuer().signer().contentSigner()).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
