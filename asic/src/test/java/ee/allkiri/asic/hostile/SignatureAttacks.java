package ee.allkiri.asic.hostile;

import static ee.allkiri.core.FindingCode.DATA_FILE_UNSIGNED;
import static ee.allkiri.core.FindingCode.OCSP_CERT_ID_MISMATCH;
import static ee.allkiri.core.FindingCode.REFERENCE_DIGEST_MISMATCH;
import static ee.allkiri.core.FindingCode.SIGNATURE_NOT_ONE_PER_FILE;
import static ee.allkiri.core.FindingCode.SIGNED_PROPERTIES_MULTIPLE;
import static ee.allkiri.core.FindingCode.SIGNING_CERTIFICATE_DIGEST_MISMATCH;
import static ee.allkiri.core.FindingCode.SIGNATURE_STRUCTURE_INVALID;
import static ee.allkiri.core.FindingCode.TIMESTAMP_INVALID;
import static ee.allkiri.core.FindingCode.TM_OCSP_NONCE_MISMATCH;

import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.testkit.xades.Tamper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Attacks on what a signature binds: XML signature wrapping, substituted certificates, partial
 * coverage, and evidence (OCSP, time-stamps) made for something else. Each starts from a valid
 * forged signature and edits its unsigned parts or moves its signed parts around, so the
 * signature value itself stays valid.
 */
final class SignatureAttacks {

    private static final String XADES_NS = "http://uri.etsi.org/01903/v1.3.2#";
    private static final Pattern SIGNED_PROPERTIES =
            Pattern.compile("<xades:SignedProperties\\b[^>]*>.*?</xades:SignedProperties>", Pattern.DOTALL);
    private static final Pattern SIGNING_TIME = Pattern.compile("<xades:SigningTime>[^<]*</xades:SigningTime>");

    private SignatureAttacks() {
    }

    static List<Attack> all() {
        return List.of(
                new Attack("wrapping: a second SignedProperties in a second Object", SIGNED_PROPERTIES_MULTIPLE,
                        () -> wrap(SignatureAttacks::secondSignedProperties)),
                new Attack("wrapping: the signed SignedProperties moved into an attacker element, a forged one in its place",
                        SIGNED_PROPERTIES_MULTIPLE, () -> wrap(SignatureAttacks::movedSignedProperties)),
                new Attack("wrapping: ID collision, a forged SignedProperties with the same Id before the signed one",
                        SIGNED_PROPERTIES_MULTIPLE, () -> wrap(SignatureAttacks::collidingSignedProperties)),
                new Attack("wrapping: the SignedProperties reference resolves to an attacker element with its Id",
                        SIGNATURE_STRUCTURE_INVALID, () -> wrap(SignatureAttacks::attackerElementWithId)),
                new Attack("wrapping: a second ds:Signature in the file", SIGNATURE_NOT_ONE_PER_FILE,
                        () -> wrap(SignatureAttacks::secondSignature)),
                new Attack("substitution: SigningCertificate names the signer's CA certificate", SIGNING_CERTIFICATE_DIGEST_MISMATCH,
                        () -> one(spec(persona()).tamper(Tamper.SIGNING_CERTIFICATE_OF_ISSUER))),
                new Attack("substitution: KeyInfo carries another signer's certificate", SIGNING_CERTIFICATE_DIGEST_MISMATCH,
                        SignatureAttacks::keyInfoOfAnother),
                new Attack("coverage: a signature over one of two files", DATA_FILE_UNSIGNED, SignatureAttacks::oneOfTwo),
                new Attack("coverage: the signed document's content changed", REFERENCE_DIGEST_MISMATCH,
                        SignatureAttacks::documentChanged),
                new Attack("evidence: the OCSP response of another signer's certificate", OCSP_CERT_ID_MISMATCH,
                        SignatureAttacks::ocspOfAnother),
                new Attack("evidence: the time-mark of another signature by the same signer", TM_OCSP_NONCE_MISMATCH,
                        SignatureAttacks::timeMarkOfAnother),
                new Attack("evidence: a time-stamp over another signature's value", TIMESTAMP_INVALID,
                        SignatureAttacks::timestampOfAnother));
    }

    private static Persona persona() {
        return Hostile.FORGE.personas().idCard();
    }

    private static DataFile doc() {
        return Hostile.FORGE.document();
    }

    private static SignatureSpec.Builder spec(Persona persona) {
        return Hostile.FORGE.spec(persona, doc());
    }

    private static byte[] one(SignatureSpec.Builder spec) {
        return Parts.signed(List.of(doc()), spec.build()).bytes();
    }

    private static byte[] wrap(java.util.function.UnaryOperator<String> edit) {
        return Parts.validLt().editSignature(edit).bytes();
    }

    private static String signedProperties(String xml) {
        Matcher m = SIGNED_PROPERTIES.matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("no SignedProperties");
        }
        return m.group();
    }

    /** A forged copy of the signed properties, claiming another signing time, with the given Id. */
    private static String forged(String xml, String id) {
        String original = signedProperties(xml);
        String copy = SIGNING_TIME.matcher(original).replaceFirst("<xades:SigningTime>2001-01-01T00:00:00Z</xades:SigningTime>");
        return copy.replaceFirst("Id=\"[^\"]*\"", "Id=\"" + id + "\"");
    }

    private static String idOf(String element) {
        Matcher m = Pattern.compile("Id=\"([^\"]*)\"").matcher(element);
        return m.find() ? m.group(1) : null;
    }

    private static String object(String content) {
        return "<ds:Object><xades:QualifyingProperties xmlns:xades=\"" + XADES_NS + "\" Target=\"#S0\">" + content
                + "</xades:QualifyingProperties></ds:Object>";
    }

    private static String secondSignedProperties(String xml) {
        return xml.replace("</ds:Signature>", object(forged(xml, "forged-properties")) + "</ds:Signature>");
    }

    private static String movedSignedProperties(String xml) {
        String original = signedProperties(xml);
        String hidden = "<ds:Object><evil:Hidden xmlns:evil=\"urn:attacker\" xmlns:xades=\"" + XADES_NS + "\">" + original
                + "</evil:Hidden></ds:Object>";
        return xml.replace(original, forged(xml, idOf(original) + "-forged")).replace("</ds:Signature>", hidden + "</ds:Signature>");
    }

    private static String collidingSignedProperties(String xml) {
        String id = idOf(signedProperties(xml));
        return xml.replaceFirst("<ds:Object>", java.util.regex.Matcher.quoteReplacement(object(forged(xml, id))) + "<ds:Object>");
    }

    private static String attackerElementWithId(String xml) {
        String id = idOf(signedProperties(xml));
        String attacker = "<ds:Object><evil:Data xmlns:evil=\"urn:attacker\" Id=\"" + id + "\">forged</evil:Data></ds:Object>";
        return xml.replaceFirst("<ds:Object>", java.util.regex.Matcher.quoteReplacement(attacker) + "<ds:Object>");
    }

    private static String secondSignature(String xml) {
        String other = new String(Hostile.FORGE.sign(spec(Hostile.FORGE.personas().mobileId()).id("S1").build()),
                StandardCharsets.UTF_8);
        String signature = other.substring(other.indexOf("<ds:Signature"), other.lastIndexOf("</ds:Signature>") + 15);
        return xml.replace("</ds:Signature>", "</ds:Signature>" + signature);
    }

    private static byte[] keyInfoOfAnother() {
        String other = new String(Hostile.FORGE.sign(spec(Hostile.FORGE.personas().revoked()).build()), StandardCharsets.UTF_8);
        String certificate = element(other, "ds:X509Certificate");
        return Parts.validLt().editSignature(xml -> xml.replace(element(xml, "ds:X509Certificate"), certificate)).bytes();
    }

    private static byte[] oneOfTwo() {
        DataFile annex = DataFile.text("annex.txt", "an annex the signer never saw\n");
        Parts signedOne = Parts.signed(List.of(doc()), spec(persona()).build());
        return new Parts(List.of(doc(), annex), ee.allkiri.testkit.forge.Manifest.of(List.of(doc(), annex)),
                signedOne.signatures()).bytes();
    }

    private static byte[] documentChanged() {
        Parts valid = Parts.validLt();
        return new Parts(List.of(doc().withContent("a different text\n".getBytes(StandardCharsets.UTF_8))), valid.manifest(),
                valid.signatures()).bytes();
    }

    private static byte[] ocspOfAnother() {
        String other = new String(Hostile.FORGE.sign(spec(Hostile.FORGE.personas().revoked()).build()), StandardCharsets.UTF_8);
        String ocsp = element(other, "xades:EncapsulatedOCSPValue");
        return Parts.validLt().editSignature(xml -> xml.replace(element(xml, "xades:EncapsulatedOCSPValue"), ocsp)).bytes();
    }

    private static byte[] timeMarkOfAnother() {
        Persona signer = Hostile.FORGE.personas().plainIdCard();
        SignatureSpec first = spec(signer).level(Level.LT_TM).build();
        SignatureSpec second = spec(signer).level(Level.LT_TM).signingTime(Hostile.PKI.epoch().plusSeconds(60)).build();
        String other = new String(Hostile.FORGE.sign(second), StandardCharsets.UTF_8);
        String ocsp = element(other, "xades:EncapsulatedOCSPValue");
        return Parts.signed(List.of(doc()), first)
                .editSignature(xml -> xml.replace(element(xml, "xades:EncapsulatedOCSPValue"), ocsp)).bytes();
    }

    private static byte[] timestampOfAnother() {
        SignatureSpec second = spec(persona()).signingTime(Hostile.PKI.epoch().plusSeconds(60)).build();
        String other = new String(Hostile.FORGE.sign(second), StandardCharsets.UTF_8);
        String token = element(other, "xades:EncapsulatedTimeStamp");
        return Parts.validLt().editSignature(xml -> xml.replace(element(xml, "xades:EncapsulatedTimeStamp"), token)).bytes();
    }

    /** The first element with this name, start tag to end tag. */
    static String element(String xml, String name) {
        int start = xml.indexOf("<" + name);
        int end = xml.indexOf("</" + name + ">", start);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("no " + name);
        }
        return xml.substring(start, end + name.length() + 3);
    }
}
