package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.EPOCH;
import static ee.allkiri.asic.redteam.Forgery.PKI;
import static ee.allkiri.asic.redteam.Forgery.base64;
import static ee.allkiri.asic.redteam.Forgery.container;
import static ee.allkiri.asic.redteam.Forgery.doc;
import static ee.allkiri.asic.redteam.Forgery.find;
import static ee.allkiri.asic.redteam.Forgery.personas;
import static ee.allkiri.asic.redteam.Forgery.signer;
import static ee.allkiri.asic.redteam.Forgery.spec;
import static ee.allkiri.asic.redteam.Forgery.text;
import static ee.allkiri.asic.redteam.Forgery.tree;
import static ee.allkiri.asic.redteam.Forgery.unsignedSignatureProperties;
import static ee.allkiri.asic.redteam.Forgery.utf8;
import static ee.allkiri.testkit.xades.XmlNode.el;

import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.cades.CadesForge;
import ee.allkiri.testkit.service.TimeStampAuthority;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.testkit.xades.SigningHook;
import ee.allkiri.testkit.xades.XmlNode;
import ee.allkiri.testkit.pki.Authority;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.PersonaSpec;
import ee.allkiri.testkit.pki.PersonalCodes;
import ee.allkiri.testkit.service.OcspResponder;
import ee.allkiri.testkit.service.OcspStatus;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * (j-m) Second round: XML encodings, evidence a signature carries beside its real evidence,
 * reference URIs that name the file loosely, and CAdES signature files copied under another
 * name. Each is refused with the code of what it tries.
 */
final class EncodingAndEvidenceAttacks {

    static final String XML = "j. XML encoding";
    static final String EVIDENCE = "k. evidence beside the evidence";
    static final String URIS = "l. reference URIs";
    static final String CADES = "m. CAdES copies";
    static final String MANIFEST = "o. META-INF/manifest.xml";

    private EncodingAndEvidenceAttacks() {
    }

    static List<RedTeamAttack> all() {
        return List.of(
                RedTeamAttack.of(XML, "a DOCTYPE with an internal entity before the signature (entity expansion)",
                        FindingCode.SIGNATURE_XML_MALFORMED, EncodingAndEvidenceAttacks::doctype),
                RedTeamAttack.of(XML, "time-mark: non-base64 characters ('*', '!') inside ds:SignatureValue, the value unchanged",
                        FindingCode.SIGNATURE_STRUCTURE_INVALID, EncodingAndEvidenceAttacks::junkInSignatureValue),
                RedTeamAttack.of(XML, "non-base64 characters inside the signer's ds:X509Certificate", FindingCode.SIGNATURE_STRUCTURE_INVALID,
                        EncodingAndEvidenceAttacks::junkInCertificate),
                RedTeamAttack.of(EVIDENCE, "the signed SigningCertificate's IssuerSerial names another serial number (the digest the signer's)",
                        FindingCode.SIGNING_CERTIFICATE_ISSUER_SERIAL_MISMATCH, EncodingAndEvidenceAttacks::issuerSerialMismatch),
                RedTeamAttack.of(EVIDENCE, "a second SignatureTimeStamp after the real one, from an untrusted unit, a day earlier",
                        FindingCode.TIMESTAMP_UNTRUSTED, () -> secondTimestamp(false, true, false)),
                RedTeamAttack.of(EVIDENCE, "an untrusted unit's SignatureTimeStamp a day earlier, before the real one",
                        FindingCode.TIMESTAMP_UNTRUSTED, () -> secondTimestamp(true, true, false)),
                RedTeamAttack.of(EVIDENCE, "a second SignatureTimeStamp after the real one, by the trusted unit, a day earlier, over other data",
                        FindingCode.TIMESTAMP_INVALID, () -> secondTimestamp(false, false, true)),
                RedTeamAttack.of(EVIDENCE, "a signer revoked 30 minutes before the time-stamp; a response produced after it "
                        + "whose thisUpdate (the time its 'good' is about) is 40 minutes before it", FindingCode.OCSP_BEFORE_TIMESTAMP,
                        () -> statusFromBeforeTheRevocation(Level.LT)),
                RedTeamAttack.of(EVIDENCE, "time-mark: a signer revoked 30 minutes before signing; the time-mark (nonce bound) "
                        + "says good as of thisUpdate 40 minutes before its producedAt", FindingCode.OCSP_OUT_OF_WINDOW,
                        () -> statusFromBeforeTheRevocation(Level.LT_TM)),
                RedTeamAttack.of(URIS, "the file reference's URI is './test.txt'", FindingCode.REFERENCE_NOT_FOUND,
                        () -> uri("./" + doc().name())),
                RedTeamAttack.of(URIS, "the file reference's URI is 'test.txt#page=2' (a fragment)", FindingCode.REFERENCE_NOT_FOUND,
                        () -> uri(doc().name() + "#page=2")),
                RedTeamAttack.of(URIS, "the file reference's URI is 'test.txt?v=2' (a query)", FindingCode.REFERENCE_NOT_FOUND,
                        () -> uri(doc().name() + "?v=2")),
                RedTeamAttack.of(URIS, "the file reference's URI is '/test.txt' (absolute path)", FindingCode.REFERENCE_NOT_FOUND,
                        () -> uri("/" + doc().name())),
                RedTeamAttack.of(URIS, "the file reference's URI is 'TEST.TXT' (another case)", FindingCode.REFERENCE_NOT_FOUND,
                        () -> uri(doc().name().toUpperCase(java.util.Locale.ROOT))),
                RedTeamAttack.naming(URIS, "two references to test.txt, the second with the digest of a forged text; the forged text in the container",
                        FindingCode.REFERENCE_DIGEST_MISMATCH, doc().name(), () -> twoReferences(true)),
                RedTeamAttack.naming(URIS, "two references to test.txt, the second with the digest of a forged text; the signed text in the container",
                        FindingCode.REFERENCE_DIGEST_MISMATCH, doc().name(), () -> twoReferences(false)),
                RedTeamAttack.of(MANIFEST, "manifest.xml lists test.txt twice: text/plain (as signed), then text/html "
                        + "(a viewer that reads the last entry renders the signed text as HTML)", FindingCode.MANIFEST_MALFORMED,
                        () -> manifestListsTwice("text/plain", "text/html")),
                RedTeamAttack.of(MANIFEST, "manifest.xml lists test.txt twice: text/html, then text/plain (as signed)",
                        FindingCode.MANIFEST_MALFORMED, () -> manifestListsTwice("text/html", "text/plain")),
                RedTeamAttack.of(CADES, "a CAdES signature copied to signature002.p7s with a copy of its ASiCManifest naming the copy",
                        FindingCode.REFERENCE_DIGEST_MISMATCH, () -> cadesCopy(true)),
                RedTeamAttack.of(CADES, "a CAdES signature copied to signature002.p7s, no ASiCManifest naming the copy",
                        FindingCode.ASIC_MANIFEST_MISSING, () -> cadesCopy(false)));
    }

    // ---- XML -----------------------------------------------------------------------------

    private static byte[] doctype() {
        String xml = text(Forgery.sign(spec(signer(), doc()).build()));
        int end = xml.indexOf("?>") + 2;
        String withDoctype = xml.substring(0, end) + "<!DOCTYPE asic:XAdESSignatures [<!ENTITY t \"2025-06-02\">]>" + xml.substring(end);
        return container(doc(), withDoctype);
    }

    private static byte[] junkInSignatureValue() {
        XmlNode root = tree(spec(personas().plainIdCard(), doc()).level(Level.LT_TM).build());
        String value = Forgery.signature(root).child("ds:SignatureValue").text();
        String junk = value.substring(0, 8) + "*!" + value.substring(8, 20) + "!*" + value.substring(20);
        return container(doc(), text(root.document()).replace(value, junk));
    }

    /**
     * Control: two signatures, an LT one whose signer's X509Certificate is in 64-character lines
     * (CR LF and spaces between them), and a time-mark one whose SignatureValue is (a time-stamp
     * covers SignatureValue as written, a time-mark its decoded value).
     */
    static byte[] wrappedBase64() {
        XmlNode lt = tree(spec(signer(), doc()).build());
        String cert = find(Forgery.keyInfo(lt), "ds:X509Certificate").text();
        XmlNode tm = tree(spec(personas().plainIdCard(), doc()).level(Level.LT_TM).build());
        String value = Forgery.signature(tm).child("ds:SignatureValue").text();
        return container(List.of(doc()), List.of(utf8(text(lt.document()).replace(cert, lines(cert))),
                utf8(text(tm.document()).replace(value, lines(value)))));
    }

    private static String lines(String base64) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < base64.length(); i += 64) {
            out.append("\r\n  ").append(base64, i, Math.min(base64.length(), i + 64));
        }
        return out.append("\n").toString();
    }

    private static byte[] junkInCertificate() {
        XmlNode root = tree(spec(signer(), doc()).build());
        String cert = find(Forgery.keyInfo(root), "ds:X509Certificate").text();
        String junk = cert.substring(0, 10) + "*!" + cert.substring(10);
        return container(doc(), text(root.document()).replace(cert, junk));
    }

    // ---- evidence ------------------------------------------------------------------------

    private static byte[] issuerSerialMismatch() {
        XmlNode root = tree(spec(signer(), doc()).build(), new SigningHook() {
            @Override
            public void signedProperties(XmlNode signedProperties, SignatureSpec spec) {
                XmlNode serial = find(signedProperties, "ds:X509SerialNumber");
                XmlNode parent = Forgery.parentOf(signedProperties, serial);
                BigInteger other = new BigInteger(serial.text()).add(BigInteger.ONE);
                parent.replace(serial, el("ds:X509SerialNumber", other.toString()));
            }
        });
        return container(List.of(doc()), root);
    }

    /** The signature with a second SignatureTimeStamp, before or after the real one. */
    private static byte[] secondTimestamp(boolean before, boolean untrusted, boolean otherData) {
        SignatureSpec spec = spec(signer(), doc()).build();
        XmlNode root = tree(spec);
        XmlNode properties = unsignedSignatureProperties(root);
        XmlNode real = properties.child("xades:SignatureTimeStamp");
        byte[] imprint = imprint(base64Decode(real.child("xades:EncapsulatedTimeStamp").text()));
        if (otherData) {
            imprint = Forgery.sha256(utf8("other data"));
        }
        TimeStampAuthority unit = new TimeStampAuthority(untrusted ? PKI.untrustedTsa() : PKI.tsa());
        byte[] token = unit.token(imprint, spec.effectiveTimestampTime().minusSeconds(86_400));
        XmlNode extra = el("xades:SignatureTimeStamp").attr("Id", "TS-extra")
                .add(real.child("ds:CanonicalizationMethod").copy(), el("xades:EncapsulatedTimeStamp", base64(token)));
        int at = properties.elements().indexOf(real);
        properties.insert(before ? at : at + 1, extra);
        return container(List.of(doc()), root);
    }

    /**
     * A signer whose certificate was revoked 30 minutes before the signature; its one OCSP
     * response is produced two seconds after the time-stamp (or is the time-mark) and says good,
     * but as of a thisUpdate 40 minutes earlier, before the revocation: a CRL-based responder's
     * answer. The status it proves is older than the signature.
     */
    private static byte[] statusFromBeforeTheRevocation(Level level) {
        Instant signed = EPOCH.plusSeconds(1);
        Instant produced = signed.plusSeconds(2);
        Persona stolen = PKI.persona(PersonaSpec.idCard("Kaarel", "Varastatud",
                        PersonalCodes.of(java.time.LocalDate.of(1981, 3, 3), false, 17))
                .withRevokedAt(signed.minus(Duration.ofMinutes(30))));
        SignatureSpec spec = spec(stolen, doc()).level(level).signingTime(signed).timestampTime(signed).ocspTime(produced).build();
        XmlNode root = tree(spec);
        byte[] nonce = null;
        Authority responder = PKI.ocspResponder(stolen);
        if (level == Level.LT_TM) {
            byte[] value = base64Decode(Forgery.signature(root).child("ds:SignatureValue").text());
            nonce = digestInfo(Forgery.sha256(value));
            responder = PKI.timeMarkResponder();
        }
        var id = OcspResponder.certificateId(stolen.issuer().certificate(), stolen.certificate().getSerialNumber());
        byte[] response = new OcspResponder(responder).respond(List.of(new OcspResponder.Single(id, OcspStatus.GOOD,
                signed.minus(Duration.ofMinutes(40)))), produced, nonce);
        XmlNode values = Forgery.ocspValues(root);
        values.replace(values.child("xades:EncapsulatedOCSPValue"), Forgery.ocspValue(response));
        return container(List.of(doc()), root);
    }

    private static byte[] digestInfo(byte[] sha256) {
        try {
            return new org.bouncycastle.asn1.x509.DigestInfo(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                    org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256, org.bouncycastle.asn1.DERNull.INSTANCE), sha256)
                    .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] imprint(byte[] token) {
        try {
            return new TimeStampToken(new CMSSignedData(token)).getTimeStampInfo().getMessageImprintDigest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base64Decode(String text) {
        return Base64.getMimeDecoder().decode(text);
    }

    // ---- URIs ----------------------------------------------------------------------------

    private static XmlNode withInfo(java.util.function.Consumer<XmlNode> edit) {
        return tree(spec(signer(), doc()).build(), new SigningHook() {
            @Override
            public void signedInfo(XmlNode signedInfo, XmlNode keyInfo, SignatureSpec spec) {
                edit.accept(signedInfo);
            }
        });
    }

    private static byte[] uri(String uri) {
        return container(List.of(doc()), withInfo(info -> find(info, "ds:Reference").setAttribute("URI", uri)));
    }

    private static byte[] twoReferences(boolean forgedInContainer) {
        DataFile forged = doc().withContent(utf8("I agree to pay 1000 EUR.\n"));
        XmlNode root = withInfo(info -> {
            XmlNode ref = find(info, "ds:Reference");
            XmlNode second = el("ds:Reference").attr("URI", ref.attribute("URI")).add(ref.child("ds:DigestMethod").copy(),
                    el("ds:DigestValue", base64(forged.sha256())));
            info.add(second);
        });
        return container(List.of(forgedInContainer ? forged : doc()), root);
    }

    // ---- manifest ------------------------------------------------------------------------

    private static byte[] manifestListsTwice(String first, String second) {
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\n"
                + "  <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + ee.allkiri.testkit.forge.Manifest.ASIC_E + "\"/>\n"
                + "  <manifest:file-entry manifest:full-path=\"" + doc().name() + "\" manifest:media-type=\"" + first + "\"/>\n"
                + "  <manifest:file-entry manifest:full-path=\"" + doc().name() + "\" manifest:media-type=\"" + second + "\"/>\n"
                + "</manifest:manifest>\n";
        return ee.allkiri.testkit.forge.ContainerForge.layout(List.of(doc()), utf8(manifest),
                List.of(Forgery.sign(spec(signer(), doc()).build()))).toBytes();
    }

    // ---- CAdES ---------------------------------------------------------------------------

    private static byte[] cadesCopy(boolean withManifest) {
        CadesForge cades = ee.allkiri.asic.hostile.Hostile.FORGE.cades();
        CadesForge.Part part = cades.part(1, spec(signer(), doc()).build());
        List<CadesForge.Part> parts = new java.util.ArrayList<>(List.of(part));
        byte[] manifest = text(part.manifest()).replace(CadesForge.signatureName(1), CadesForge.signatureName(2))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ee.allkiri.testkit.zip.RawZip zip = CadesForge.layout(List.of(doc()), parts, false);
        if (withManifest) {
            zip.add(CadesForge.manifestName(2), manifest).deflated();
        }
        zip.add(CadesForge.signatureName(2), part.signature()).deflated();
        return zip.toBytes();
    }
}
