package ee.allkiri.testkit.xades;

import static ee.allkiri.testkit.Identifiers.EXC_C14N;
import static ee.allkiri.testkit.xades.XadesSigner.base64;
import static ee.allkiri.testkit.xades.XadesSigner.der;
import static ee.allkiri.testkit.xades.XmlNode.el;

import ee.allkiri.testkit.pki.Authority;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.testkit.service.OcspResponder;
import ee.allkiri.testkit.service.OcspStatus;
import ee.allkiri.testkit.service.TimeStampAuthority;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

/**
 * The unsigned signature properties of each level, in the order real writers use: the
 * signature time-stamp (over the exclusive canonical form of ds:SignatureValue, as XAdES 1.4.1
 * and undersign compute it), the CA certificates, the OCSP response (for a time-mark with the
 * nonce {@code DigestInfo(SHA-256, SHA-256(signature value))}), and the archive time-stamp over
 * everything before it (ETSI EN 319 132-1 5.5.2).
 */
final class UnsignedProperties {

    /** The signed parts an unsigned property is computed over. */
    record Signed(XmlNode signedInfo, XmlNode signatureValue, XmlNode keyInfo, XmlNode signedProperties, byte[] value) {
    }

    private final TestPki pki;

    UnsignedProperties(TestPki pki) {
        this.pki = pki;
    }

    /** The xades:UnsignedProperties element, or null for level B. */
    XmlNode build(SignatureSpec spec, Ids ids, Signed signed) {
        if (spec.level() == Level.B) {
            return null;
        }
        XmlNode properties = el("xades:UnsignedSignatureProperties");
        if (spec.level() != Level.LT_TM) {
            properties.add(signatureTimestamp(spec, ids, signed));
        }
        if (spec.level() != Level.T) {
            if (spec.style() == IdStyle.DSS) {
                properties.add(el("xades:CertificateValues").add(el("xades:EncapsulatedX509Certificate",
                        base64(der(spec.persona().issuer().certificate())))));
            }
            properties.add(el("xades:RevocationValues").add(el("xades:OCSPValues").add(
                    el("xades:EncapsulatedOCSPValue", base64(ocsp(spec, signed.value()))))));
        }
        if (spec.level() == Level.LTA) {
            byte[] imprint = DataFile.sha256(archiveData(spec, signed, properties));
            properties.add(el("xades141:ArchiveTimeStamp").attr("Id", ids.timestamp() == null ? null : ids.timestamp() + "-A")
                    .add(el("ds:CanonicalizationMethod").attr("Algorithm", EXC_C14N),
                            el("xades:EncapsulatedTimeStamp", base64(tsa(spec).token(imprint, spec.effectiveArchiveTime())))));
        }
        return el("xades:UnsignedProperties").add(properties);
    }

    private XmlNode signatureTimestamp(SignatureSpec spec, Ids ids, Signed signed) {
        byte[] stamped = signed.signatureValue().canonical();
        if (spec.has(Tamper.TIMESTAMP_IMPRINT)) {
            stamped = ("not " + new String(stamped, java.nio.charset.StandardCharsets.UTF_8))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        byte[] token = tsa(spec).token(DataFile.sha256(stamped), spec.effectiveTimestampTime());
        XmlNode timestamp = el("xades:SignatureTimeStamp").attr("Id", ids.timestamp());
        if (spec.timestampC14n()) {
            timestamp.add(el("ds:CanonicalizationMethod").attr("Algorithm", EXC_C14N));
        }
        return timestamp.add(el("xades:EncapsulatedTimeStamp", base64(token)));
    }

    private TimeStampAuthority tsa(SignatureSpec spec) {
        return new TimeStampAuthority(spec.tsa() != null ? spec.tsa() : pki.tsa());
    }

    private byte[] ocsp(SignatureSpec spec, byte[] signatureValue) {
        Persona persona = spec.persona();
        boolean timeMark = spec.level() == Level.LT_TM;
        Authority responder = spec.ocspResponder() != null ? spec.ocspResponder()
                : timeMark ? pki.timeMarkResponder() : pki.ocspResponder(persona);
        Instant producedAt = spec.effectiveOcspTime();
        OcspStatus status = spec.ocspStatus() != null ? spec.ocspStatus() : OcspStatus.at(persona.revokedAt(), producedAt);
        byte[] nonce = null;
        if (timeMark && !spec.has(Tamper.OCSP_NONCE_ABSENT)) {
            byte[] bound = signatureValue;
            if (spec.has(Tamper.OCSP_NONCE)) {
                bound = DataFile.sha256(signatureValue);
            }
            nonce = digestInfo(DataFile.sha256(bound));
        }
        return new OcspResponder(responder).respond(persona.certificate(), persona.issuer().certificate(), status,
                producedAt, nonce);
    }

    /** The BDOC 2.1 time-mark nonce: a DER DigestInfo of a SHA-256 digest. */
    static byte[] digestInfo(byte[] sha256) {
        try {
            return new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE), sha256)
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The archive time-stamp's input (ETSI EN 319 132-1 5.5.2, as DSS computes it): each
     * reference's output in SignedInfo order, then SignedInfo, SignatureValue and KeyInfo, then
     * the unsigned signature properties before the archive time-stamp, each canonicalized.
     */
    private static byte[] archiveData(SignatureSpec spec, Signed signed, XmlNode unsignedSoFar) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        if (spec.style() == IdStyle.UNDERSIGN) {
            out.writeBytes(signed.signedProperties().canonical());
        }
        for (DataFile file : spec.files()) {
            out.writeBytes(file.content());
        }
        if (spec.style() != IdStyle.UNDERSIGN) {
            out.writeBytes(signed.signedProperties().canonical());
        }
        out.writeBytes(signed.signedInfo().canonical());
        out.writeBytes(signed.signatureValue().canonical());
        out.writeBytes(signed.keyInfo().canonical());
        for (XmlNode property : unsignedSoFar.elements()) {
            out.writeBytes(property.canonical());
        }
        return out.toByteArray();
    }
}
