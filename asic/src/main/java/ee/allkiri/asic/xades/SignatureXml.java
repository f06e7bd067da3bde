package ee.allkiri.asic.xades;

import static ee.allkiri.asic.xades.Xades.DS;
import static ee.allkiri.asic.xades.Xades.XADES;
import static ee.allkiri.asic.xades.Xades.XADES141;
import static ee.allkiri.asic.xades.Xades.xades;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What allkiri itself reads from a signature file, independently of DSS: the facts its own
 * rules need (references, data object formats, policy, time-stamps, embedded OCSP responses
 * and certificates). Structure only; nothing here is verified.
 *
 * @param signatureCount        ds:Signature elements directly under the root (BDOC: exactly one)
 * @param id                    the signature's Id attribute
 * @param references            SignedInfo references in order
 * @param signedPropertiesCount xades:SignedProperties elements in the signature
 * @param mimeTypes             DataObjectFormat MimeType by the referenced Reference Id
 * @param policy                the signature policy, or null when neither identifier nor implied
 * @param claimedSigningTime    xades:SigningTime, or null
 * @param signatureValue        decoded ds:SignatureValue, or null
 * @param timestamps            xades:SignatureTimeStamp elements
 * @param archiveTimestamps     number of archive time-stamps (XAdES 1.3.2 or 1.4.1)
 * @param ocspValues            encapsulated OCSP responses (RevocationValues)
 * @param certificates          certificates in KeyInfo and CertificateValues
 * @param keyInfoCertificate    the first certificate in ds:KeyInfo (normally the signer's), or null
 */
public record SignatureXml(
        int signatureCount,
        String id,
        List<Reference> references,
        int signedPropertiesCount,
        Map<String, String> mimeTypes,
        Policy policy,
        Instant claimedSigningTime,
        byte[] signatureValue,
        List<Timestamp> timestamps,
        int archiveTimestamps,
        List<byte[]> ocspValues,
        List<byte[]> certificates,
        byte[] keyInfoCertificate) {

    /** A ds:Reference. {@code uri} as written; {@code type} may be null. */
    public record Reference(String id, String uri, String type, String digestAlgorithm) {
        public boolean isSignedProperties() {
            return Xades.SIGNED_PROPERTIES_TYPE.equals(type)
                    || (uri != null && uri.startsWith("#") && type != null && type.endsWith("#SignedProperties"));
        }

        /** True for a reference to a detached file (not a same-document reference). */
        public boolean isFile() {
            return !isSignedProperties() && uri != null && !uri.isEmpty() && !uri.startsWith("#");
        }
    }

    /** xades:SignaturePolicyIdentifier. */
    public record Policy(String identifier, String spuri, boolean implied) {
        /** The identifier without an {@code urn:oid:} prefix. */
        public String oid() {
            if (identifier == null) {
                return null;
            }
            return identifier.regionMatches(true, 0, "urn:oid:", 0, 8) ? identifier.substring(8) : identifier;
        }
    }

    /** xades:SignatureTimeStamp: whether it names a canonicalization method and how many tokens it holds. */
    public record Timestamp(String canonicalizationMethod, int tokenCount) {
    }

    public SignatureXml {
        references = List.copyOf(references);
        mimeTypes = Map.copyOf(mimeTypes);
        timestamps = List.copyOf(timestamps);
        ocspValues = List.copyOf(ocspValues);
        certificates = List.copyOf(certificates);
    }

    /** Reads the facts from a parsed signature file. */
    public static SignatureXml read(Document document) {
        Element root = document.getDocumentElement();
        List<Element> signatures = Xades.is(root, DS, "Signature") ? List.of(root) : Xades.children(root, DS, "Signature");
        if (signatures.isEmpty()) {
            return new SignatureXml(0, null, List.of(), 0, Map.of(), null, null, null, List.of(), 0, List.of(), List.of(), null);
        }
        Element signature = signatures.get(0);
        List<Reference> references = new ArrayList<>();
        Element signedInfo = Xades.child(signature, DS, "SignedInfo");
        if (signedInfo != null) {
            for (Element ref : Xades.children(signedInfo, DS, "Reference")) {
                Element method = Xades.child(ref, DS, "DigestMethod");
                references.add(new Reference(attr(ref, "Id"), ref.hasAttribute("URI") ? ref.getAttribute("URI") : null,
                        attr(ref, "Type"), method == null ? null : attr(method, "Algorithm")));
            }
        }
        int signedProperties = Xades.descendants(signature, XADES, "SignedProperties").size();
        Map<String, String> mimeTypes = new HashMap<>();
        for (Element format : Xades.descendants(signature, XADES, "DataObjectFormat")) {
            String target = attr(format, "ObjectReference");
            String mime = Xades.text(Xades.child(format, XADES, "MimeType"));
            if (target != null && mime != null) {
                mimeTypes.putIfAbsent(target.startsWith("#") ? target.substring(1) : target, mime);
            }
        }
        Element valueElement = Xades.child(signature, DS, "SignatureValue");
        byte[] value = decode(Xades.text(valueElement));
        List<Timestamp> timestamps = new ArrayList<>();
        for (Element ts : Xades.descendants(signature, XADES, "SignatureTimeStamp")) {
            Element c14n = Xades.child(ts, DS, "CanonicalizationMethod");
            timestamps.add(new Timestamp(c14n == null ? null : attr(c14n, "Algorithm"),
                    Xades.children(ts, XADES, "EncapsulatedTimeStamp").size()));
        }
        int archive = Xades.descendants(signature, XADES, "ArchiveTimeStamp").size()
                + Xades.descendants(signature, XADES141, "ArchiveTimeStamp").size();
        List<byte[]> ocsp = new ArrayList<>();
        for (Element e : Xades.descendants(signature, XADES, "EncapsulatedOCSPValue")) {
            byte[] bytes = decode(Xades.text(e));
            if (bytes != null) {
                ocsp.add(bytes);
            }
        }
        List<byte[]> certificates = new ArrayList<>();
        Element keyInfo = Xades.child(signature, DS, "KeyInfo");
        for (Element e : Xades.descendants(signature, DS, "X509Certificate")) {
            addDecoded(certificates, e);
        }
        byte[] keyInfoCertificate = null;
        if (keyInfo != null) {
            List<Element> inKeyInfo = Xades.descendants(keyInfo, DS, "X509Certificate");
            keyInfoCertificate = inKeyInfo.isEmpty() ? null : decode(Xades.text(inKeyInfo.get(0)));
        }
        for (Element e : Xades.descendants(signature, XADES, "EncapsulatedX509Certificate")) {
            addDecoded(certificates, e);
        }
        return new SignatureXml(signatures.size(), attr(signature, "Id"), references, signedProperties, mimeTypes,
                policy(signature), signingTime(signature), value, timestamps, archive, ocsp, certificates, keyInfoCertificate);
    }

    private static Policy policy(Element signature) {
        List<Element> ids = Xades.descendants(signature, XADES, "SignaturePolicyIdentifier");
        if (ids.isEmpty()) {
            return null;
        }
        Element spi = ids.get(0);
        if (Xades.child(spi, XADES, "SignaturePolicyImplied") != null) {
            return new Policy(null, null, true);
        }
        Element policyId = Xades.path(spi, xades("SignaturePolicyId"), xades("SigPolicyId"), xades("Identifier"));
        String spuri = null;
        for (Element q : Xades.descendants(spi, XADES, "SPURI")) {
            spuri = Xades.text(q);
        }
        return new Policy(Xades.text(policyId), spuri, false);
    }

    private static Instant signingTime(Element signature) {
        List<Element> times = Xades.descendants(signature, XADES, "SigningTime");
        if (times.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(Xades.text(times.get(0))).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void addDecoded(List<byte[]> out, Element e) {
        byte[] bytes = decode(Xades.text(e));
        if (bytes != null) {
            out.add(bytes);
        }
    }

    private static byte[] decode(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    /** The reference with the given Id, if any. */
    public Reference reference(String id) {
        return references.stream().filter(r -> id.equals(r.id())).findFirst().orElse(null);
    }

    /**
     * The level the XML claims: LTA with an archive time-stamp; T or LT with a signature
     * time-stamp (LT when it embeds OCSP); without a time-stamp, LT_TM when it embeds an OCSP
     * response (a BDOC time-mark), else B_EPES with a policy identifier or B.
     */
    public ee.allkiri.core.Profile profile() {
        if (!timestamps.isEmpty()) {
            if (archiveTimestamps > 0) {
                return ee.allkiri.core.Profile.LTA;
            }
            return ocspValues.isEmpty() ? ee.allkiri.core.Profile.T : ee.allkiri.core.Profile.LT;
        }
        if (!ocspValues.isEmpty()) {
            return ee.allkiri.core.Profile.LT_TM;
        }
        return policy != null && !policy.implied() ? ee.allkiri.core.Profile.B_EPES : ee.allkiri.core.Profile.B;
    }
}
