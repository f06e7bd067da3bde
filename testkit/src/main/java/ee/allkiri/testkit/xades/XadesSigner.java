package ee.allkiri.testkit.xades;

import static ee.allkiri.testkit.Identifiers.EXC_C14N;
import static ee.allkiri.testkit.Identifiers.SHA256;
import static ee.allkiri.testkit.Identifiers.SIGNED_PROPERTIES_TYPE;
import static ee.allkiri.testkit.xades.XmlNode.el;

import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.TestPki;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Writes detached XAdES signatures ({@code asic:XAdESSignatures}, one ds:Signature) over the
 * files of an ASiC-E container, signing the canonical forms directly (see {@link XmlNode}), as
 * DSS/digidoc4j or undersign would write them. Thread-safe.
 *
 * @since 0.1.0
 */
public final class XadesSigner {

    static final String BDOC_POLICY = "1.3.6.1.4.1.10015.1000.3.2.1";
    /** SHA-256 of the BDOC 2.1.0 specification, the policy document BDOC signatures name. */
    static final String BDOC_POLICY_SHA256 = "3Tl1oILSvOAWomdI9VeWV6IA/32eSXRUri9kPEz1IVs=";
    static final String BDOC_SPURI = "https://www.sk.ee/repository/bdoc-spec21.pdf";

    private final TestPki pki;
    private final UnsignedProperties unsigned;

    public XadesSigner(TestPki pki) {
        this.pki = pki;
        this.unsigned = new UnsignedProperties(pki);
    }

    /** The signature file's bytes. */
    public byte[] sign(SignatureSpec spec) {
        return signature(spec).document();
    }

    /** The signature file's bytes, the signed parts changed by the hook before signing. */
    public byte[] sign(SignatureSpec spec, SigningHook hook) {
        return signature(spec, hook).document();
    }

    /** The signature as an element tree ({@code asic:XAdESSignatures}). */
    public XmlNode signature(SignatureSpec spec) {
        return signature(spec, SigningHook.NONE);
    }

    /**
     * The signature as an element tree ({@code asic:XAdESSignatures}), the signed parts changed
     * by the hook before they are digested and signed; the unsigned properties are computed over
     * the signed parts as changed.
     */
    public XmlNode signature(SignatureSpec spec, SigningHook hook) {
        Ids ids = Ids.of(spec);
        Persona persona = spec.persona();
        XmlNode keyInfo = el("ds:KeyInfo").add(el("ds:X509Data").add(el("ds:X509Certificate",
                base64(der(persona.certificate())))));
        XmlNode signedProperties = signedProperties(spec, ids);
        hook.signedProperties(signedProperties, spec);
        XmlNode signedInfo = signedInfo(spec, ids, signedProperties);
        hook.signedInfo(signedInfo, keyInfo, spec);
        String digest = spec.style() == IdStyle.UNDERSIGN ? "SHA-256" : persona.signer().type().digest();
        byte[] value = persona.signer().signXml(signedInfo.canonical(), digest);
        if (spec.has(Tamper.SIGNATURE_VALUE)) {
            value[value.length / 2] ^= 0x5A;
        }
        XmlNode signatureValue = el("ds:SignatureValue", base64(value)).attr("Id", ids.signatureValue());
        XmlNode qualifying = el("xades:QualifyingProperties").attr("Target", "#" + ids.signature()).add(signedProperties);
        XmlNode signature = el("ds:Signature").attr("Id", ids.signature())
                .add(signedInfo, signatureValue, keyInfo, el("ds:Object").add(qualifying));
        XmlNode unsignedProperties = unsigned.build(spec, ids, new UnsignedProperties.Signed(signedInfo, signatureValue,
                keyInfo, signedProperties, value));
        if (unsignedProperties != null) {
            qualifying.add(unsignedProperties);
        }
        return el("asic:XAdESSignatures").add(signature);
    }

    private XmlNode signedProperties(SignatureSpec spec, Ids ids) {
        X509Certificate certificate = spec.has(Tamper.SIGNING_CERTIFICATE_OF_ISSUER)
                ? spec.persona().issuer().certificate() : spec.persona().certificate();
        byte[] certDigest = DataFile.sha256(der(certificate));
        if (spec.has(Tamper.SIGNING_CERTIFICATE_DIGEST)) {
            certDigest = DataFile.sha256(certDigest);
        }
        XmlNode signatureProperties = el("xades:SignedSignatureProperties").add(
                el("xades:SigningTime", time(spec.signingTime())),
                el("xades:SigningCertificate").add(el("xades:Cert").add(
                        el("xades:CertDigest").add(el("ds:DigestMethod").attr("Algorithm", SHA256),
                                el("ds:DigestValue", base64(certDigest))),
                        el("xades:IssuerSerial").add(
                                el("ds:X509IssuerName", certificate.getIssuerX500Principal().getName(X500Principal.RFC2253)),
                                el("ds:X509SerialNumber", certificate.getSerialNumber().toString())))));
        if (spec.policy()) {
            XmlNode policyId = el("xades:SignaturePolicyId").add(
                    el("xades:SigPolicyId").add(el("xades:Identifier", "urn:oid:" + BDOC_POLICY).attr("Qualifier", "OIDAsURN")),
                    el("xades:SigPolicyHash").add(el("ds:DigestMethod").attr("Algorithm", SHA256),
                            el("ds:DigestValue", BDOC_POLICY_SHA256)));
            if (!spec.has(Tamper.POLICY_SPURI)) {
                policyId.add(el("xades:SigPolicyQualifiers").add(el("xades:SigPolicyQualifier").add(
                        el("xades:SPURI", BDOC_SPURI))));
            }
            signatureProperties.add(el("xades:SignaturePolicyIdentifier").add(policyId));
        }
        XmlNode dataObjects = el("xades:SignedDataObjectProperties");
        for (int i = 0; i < spec.files().size(); i++) {
            dataObjects.add(el("xades:DataObjectFormat").attr("ObjectReference", "#" + ids.reference(i))
                    .add(el("xades:MimeType", spec.files().get(i).mimeType())));
        }
        return el("xades:SignedProperties").attr("Id", ids.signedProperties()).add(signatureProperties, dataObjects);
    }

    private XmlNode signedInfo(SignatureSpec spec, Ids ids, XmlNode signedProperties) {
        String digest = spec.style() == IdStyle.UNDERSIGN ? "SHA-256" : spec.persona().signer().type().digest();
        XmlNode signedInfo = el("ds:SignedInfo").add(
                el("ds:CanonicalizationMethod").attr("Algorithm", EXC_C14N),
                el("ds:SignatureMethod").attr("Algorithm", spec.persona().signer().type().xmlSignatureMethod(digest)));
        XmlNode propertiesReference = el("ds:Reference").attr("Type", SIGNED_PROPERTIES_TYPE)
                .attr("URI", "#" + ids.signedProperties())
                .add(el("ds:Transforms").add(el("ds:Transform").attr("Algorithm", EXC_C14N)),
                        el("ds:DigestMethod").attr("Algorithm", SHA256),
                        el("ds:DigestValue", base64(DataFile.sha256(signedProperties.canonical()))));
        List<XmlNode> files = new ArrayList<>();
        for (int i = 0; i < spec.files().size(); i++) {
            DataFile file = spec.files().get(i);
            files.add(el("ds:Reference").attr("Id", ids.reference(i)).attr("URI", uri(file.name()))
                    .add(el("ds:DigestMethod").attr("Algorithm", SHA256), el("ds:DigestValue", base64(file.sha256()))));
        }
        if (spec.style() == IdStyle.UNDERSIGN) {
            signedInfo.add(propertiesReference);
            files.forEach(signedInfo::add);
        } else {
            files.forEach(signedInfo::add);
            signedInfo.add(propertiesReference);
        }
        return signedInfo;
    }

    /** Percent-encodes an entry name for a Reference URI (RFC 3986: unreserved characters and '/' stay). */
    static String uri(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    TestPki pki() {
        return pki;
    }
}
