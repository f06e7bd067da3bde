package ee.allkiri.asic.internal.xades;

import static ee.allkiri.asic.internal.xades.Xades.DS;
import static ee.allkiri.asic.internal.xades.Xades.XADES;
import static ee.allkiri.asic.internal.xades.Xades.XADES141;

import ee.allkiri.core.FindingCode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * Reads a signature file into a {@link SignatureModel}, positionally: every element must stand
 * where the XMLDSig core schema (W3C XMLDSig 4) and the XAdES schema (ETSI EN 319 132-1 4.3,
 * 5, 6) put it, in schema order, each property inside its container and at most once where
 * the standard allows one. A BDOC / ASiC-E signature file holds one ds:Signature under
 * asic:XAdESSignatures, with one ds:Object holding the xades:QualifyingProperties.
 *
 * <p>What does not fit is refused with a finding code, never read around: a second
 * SignedProperties ({@code SIGNED_PROPERTIES_MULTIPLE}), no or several ds:Signature
 * ({@code SIGNATURE_NOT_ONE_PER_FILE}), anything else out of place, unknown, duplicated, or two
 * elements with the same Id ({@code SIGNATURE_STRUCTURE_INVALID}). Unknown elements are
 * refused even where the schemas allow foreign content, since allkiri could not say what they
 * mean. Stateless and thread-safe.
 */
public final class SignatureReader {

    /** The ASiC namespace of the XAdESSignatures root (ETSI EN 319 162-1 A.5). */

    /** The unsigned signature properties allkiri knows (XAdES 1.3.2 and 1.4.1); any other is refused. */
    private static final Set<String> KNOWN_UNSIGNED = Set.of("CounterSignature", "SignatureTimeStamp",
            "CompleteCertificateRefs", "CompleteCertificateRefsV2", "CompleteRevocationRefs", "AttributeCertificateRefs",
            "AttributeCertificateRefsV2", "AttributeRevocationRefs", "SigAndRefsTimeStamp", "SigAndRefsTimeStampV2",
            "RefsOnlyTimeStamp", "RefsOnlyTimeStampV2", "CertificateValues", "RevocationValues", "AttrAuthoritiesCertValues",
            "AttributeRevocationValues", "ArchiveTimeStamp");

    /** What was read: a model, or the refusal. */
    public sealed interface Result permits Read, Refused {
    }

    /** The signature fits; here it is. */
    public record Read(SignatureModel model) implements Result {
    }

    /** The signature does not fit, and why. */
    public record Refused(FindingCode code, String reason) implements Result {
    }

    private SignatureReader() {
    }

    /** Reads the signature file's document. */
    public static Result read(Document document) {
        try {
            return new Read(signature(document));
        } catch (StructureException e) {
            return new Refused(e.code(), e.getMessage());
        }
    }

    private static SignatureModel signature(Document document) throws StructureException {
        Element root = document.getDocumentElement();
        Element signature;
        if (Xades.is(root, DS, "Signature")) {
            signature = root;
        } else if (Xades.is(root, Xades.ASIC, "XAdESSignatures")) {
            Children top = Children.of(root);
            List<Element> signatures = top.many(DS, "Signature");
            if (signatures.size() != 1) {
                throw new StructureException(FindingCode.SIGNATURE_NOT_ONE_PER_FILE,
                        "the file holds " + signatures.size() + " ds:Signature elements; exactly one is required");
            }
            top.end();
            signature = signatures.get(0);
        } else {
            throw new StructureException("the root element " + Children.name(root) + " is not asic:XAdESSignatures");
        }
        if (!Xades.descendants(document, XADES, "CounterSignature").isEmpty()) {
            throw new StructureException("a CounterSignature: counter-signatures are not part of a BDOC / ASiC-E signature");
        }
        int signedProperties = Xades.descendants(document, XADES, "SignedProperties").size();
        if (signedProperties > 1) {
            throw new StructureException(FindingCode.SIGNED_PROPERTIES_MULTIPLE,
                    signedProperties + " SignedProperties elements; a signature has one");
        }
        uniqueIds(document, signature);

        Children parts = Children.of(signature);
        Element signedInfo = parts.required(DS, "SignedInfo");
        Element value = parts.required(DS, "SignatureValue");
        Element keyInfo = parts.optional(DS, "KeyInfo");
        Element object = parts.required(DS, "Object");
        if (parts.optional(DS, "Object") != null) {
            throw new StructureException("a second ds:Object: a BDOC signature has one, holding its QualifyingProperties");
        }
        parts.end();

        String id = attr(signature, "Id");
        Children objectParts = Children.of(object);
        Element qualifying = objectParts.required(XADES, "QualifyingProperties");
        objectParts.end();
        if (id == null || !("#" + id).equals(attr(qualifying, "Target"))) {
            throw new StructureException("QualifyingProperties Target '" + attr(qualifying, "Target")
                    + "' does not name the signature's Id '" + id + "'");
        }
        Children qualifyingParts = Children.of(qualifying);
        Element signed = qualifyingParts.required(XADES, "SignedProperties");
        Element unsigned = qualifyingParts.optional(XADES, "UnsignedProperties");
        qualifyingParts.end();

        return new SignatureModel(signature, id, signedInfo(signedInfo), signatureValue(value), keyInfo(keyInfo),
                signedProperties(signed), unsigned == null ? SignatureModel.UnsignedProperties.NONE : unsignedProperties(unsigned));
    }

    // ---- XMLDSig ------------------------------------------------------------------------

    private static SignatureModel.SignedInfo signedInfo(Element signedInfo) throws StructureException {
        Children parts = Children.of(signedInfo);
        String c14n = algorithm(parts.required(DS, "CanonicalizationMethod"));
        String method = algorithm(parts.required(DS, "SignatureMethod"));
        List<SignatureModel.Reference> references = new ArrayList<>();
        for (Element ref : parts.many(DS, "Reference")) {
            references.add(reference(ref));
        }
        parts.end();
        if (references.isEmpty()) {
            throw new StructureException("SignedInfo has no Reference");
        }
        return new SignatureModel.SignedInfo(signedInfo, c14n, method, references);
    }

    private static SignatureModel.Reference reference(Element ref) throws StructureException {
        Children parts = Children.of(ref);
        List<String> transforms = new ArrayList<>();
        boolean parameters = false;
        Element transformsElement = parts.optional(DS, "Transforms");
        if (transformsElement != null) {
            Children list = Children.of(transformsElement);
            for (Element t : list.many(DS, "Transform")) {
                // a transform's parameters (XPath, InclusiveNamespaces, ...) are open content: recorded, not read
                parameters |= Xades.children(t).size() > 0;
                if (!t.hasAttribute("Algorithm")) {
                    throw new StructureException("ds:Transform without an Algorithm");
                }
                transforms.add(t.getAttribute("Algorithm"));
            }
            list.end();
            if (transforms.isEmpty()) {
                throw new StructureException("ds:Transforms without a Transform");
            }
        }
        String digestMethod = algorithm(parts.required(DS, "DigestMethod"));
        byte[] digest = base64(parts.required(DS, "DigestValue"));
        parts.end();
        return new SignatureModel.Reference(attr(ref, "Id"), attr(ref, "URI"), attr(ref, "Type"), transforms, parameters,
                digestMethod, digest);
    }

    private static SignatureModel.SignatureValue signatureValue(Element value) throws StructureException {
        return new SignatureModel.SignatureValue(value, base64(value));
    }

    private static List<byte[]> keyInfo(Element keyInfo) throws StructureException {
        if (keyInfo == null) {
            return List.of();
        }
        List<byte[]> certificates = new ArrayList<>();
        Children parts = Children.of(keyInfo);
        List<Element> data = parts.many(DS, "X509Data");
        parts.end();
        for (Element x509 : data) {
            Children inData = Children.of(x509);
            for (Element c : inData.many(DS, "X509Certificate")) {
                certificates.add(base64(c));
            }
            inData.end();
        }
        return certificates;
    }

    // ---- XAdES signed properties -------------------------------------------------------

    private static SignatureModel.SignedProperties signedProperties(Element signed) throws StructureException {
        Children parts = Children.of(signed);
        Element signature = parts.optional(XADES, "SignedSignatureProperties");
        Element dataObjects = parts.optional(XADES, "SignedDataObjectProperties");
        parts.end();

        Instant signingTime = null;
        String signingTimeText = null;
        List<SignatureModel.CertDigest> certs = new ArrayList<>();
        SignatureModel.Policy policy = null;
        if (signature != null) {
            Children props = Children.of(signature);
            Element time = props.optional(XADES, "SigningTime");
            Element v1 = props.optional(XADES, "SigningCertificate");
            Element v2 = props.optional(XADES, "SigningCertificateV2");
            Element policyElement = props.optional(XADES, "SignaturePolicyIdentifier");
            props.optional(XADES, "SignatureProductionPlace");
            props.optional(XADES, "SignatureProductionPlaceV2");
            props.optional(XADES, "SignerRole");
            props.optional(XADES, "SignerRoleV2");
            props.end();
            if (v1 != null && v2 != null) {
                throw new StructureException("both SigningCertificate and SigningCertificateV2");
            }
            if (time != null) {
                Children.leaf(time);
                signingTimeText = Xades.text(time);
                signingTime = dateTime(signingTimeText);
            }
            if (v1 != null || v2 != null) {
                certs = signingCertificate(v1 != null ? v1 : v2);
            }
            if (policyElement != null) {
                policy = policy(policyElement);
            }
        }
        Map<String, String> mimeTypes = new HashMap<>();
        List<byte[]> contentTimestamps = new ArrayList<>();
        if (dataObjects != null) {
            Children props = Children.of(dataObjects);
            for (Element format : props.many(XADES, "DataObjectFormat")) {
                dataObjectFormat(format, mimeTypes);
            }
            props.many(XADES, "CommitmentTypeIndication");
            for (Element ts : props.many(XADES, "AllDataObjectsTimeStamp")) {
                contentTimestamps.addAll(timestamp(ts).tokens());
            }
            for (Element ts : props.many(XADES, "IndividualDataObjectsTimeStamp")) {
                contentTimestamps.addAll(timestamp(ts).tokens());
            }
            props.end();
        }
        return new SignatureModel.SignedProperties(signed, attr(signed, "Id"), signingTime, signingTimeText, certs, policy,
                mimeTypes, contentTimestamps);
    }

    private static List<SignatureModel.CertDigest> signingCertificate(Element property) throws StructureException {
        List<SignatureModel.CertDigest> out = new ArrayList<>();
        Children certs = Children.of(property);
        for (Element cert : certs.many(XADES, "Cert")) {
            Children parts = Children.of(cert);
            Element digest = parts.required(XADES, "CertDigest");
            if (parts.optional(XADES, "IssuerSerial") == null) {
                parts.optional(XADES, "IssuerSerialV2");
            }
            parts.end();
            Children digestParts = Children.of(digest);
            String method = algorithm(digestParts.required(DS, "DigestMethod"));
            byte[] value = base64(digestParts.required(DS, "DigestValue"));
            digestParts.end();
            out.add(new SignatureModel.CertDigest(method, value));
        }
        certs.end();
        if (out.isEmpty()) {
            throw new StructureException(Children.name(property) + " names no certificate");
        }
        return out;
    }

    private static SignatureModel.Policy policy(Element identifier) throws StructureException {
        Children parts = Children.of(identifier);
        Element implied = parts.optional(XADES, "SignaturePolicyImplied");
        Element id = implied == null ? parts.required(XADES, "SignaturePolicyId") : null;
        parts.end();
        if (implied != null) {
            return new SignatureModel.Policy(null, null, true);
        }
        Children idParts = Children.of(id);
        Element sigPolicyId = idParts.required(XADES, "SigPolicyId");
        idParts.optional(DS, "Transforms");
        idParts.optional(XADES, "SigPolicyHash");
        Element qualifiers = idParts.optional(XADES, "SigPolicyQualifiers");
        idParts.end();
        Children policyIdParts = Children.of(sigPolicyId);
        Element value = policyIdParts.required(XADES, "Identifier");
        policyIdParts.optional(XADES, "Description");
        policyIdParts.optional(XADES, "DocumentationReferences");
        policyIdParts.end();
        String spuri = null;
        if (qualifiers != null) {
            Children list = Children.of(qualifiers);
            for (Element qualifier : list.many(XADES, "SigPolicyQualifier")) {
                // a qualifier's content is open (XAdES AnyType): only an SPURI is read from it
                Children q = Children.of(qualifier);
                Element uri = q.optional(XADES, "SPURI");
                if (uri != null) {
                    if (spuri != null) {
                        throw new StructureException("two SPURI qualifiers");
                    }
                    Children.leaf(uri);
                    spuri = Xades.text(uri);
                }
            }
            list.end();
        }
        Children.leaf(value);
        return new SignatureModel.Policy(Xades.text(value), spuri, false);
    }

    private static void dataObjectFormat(Element format, Map<String, String> mimeTypes) throws StructureException {
        Children parts = Children.of(format);
        parts.optional(XADES, "Description");
        parts.optional(XADES, "ObjectIdentifier");
        Element mime = parts.optional(XADES, "MimeType");
        parts.optional(XADES, "Encoding");
        parts.end();
        String target = attr(format, "ObjectReference");
        if (target == null || !target.startsWith("#")) {
            throw new StructureException("a DataObjectFormat whose ObjectReference is not a same-document reference");
        }
        if (mimeTypes.containsKey(target.substring(1))) {
            throw new StructureException("two DataObjectFormat for the reference " + target);
        }
        if (mime != null) {
            Children.leaf(mime);
            mimeTypes.put(target.substring(1), Xades.text(mime));
        }
    }

    // ---- XAdES unsigned properties -----------------------------------------------------

    private static SignatureModel.UnsignedProperties unsignedProperties(Element unsigned) throws StructureException {
        Children parts = Children.of(unsigned);
        Element signature = parts.optional(XADES, "UnsignedSignatureProperties");
        if (parts.optional(XADES, "UnsignedDataObjectProperties") != null) {
            throw new StructureException("UnsignedDataObjectProperties is not supported");
        }
        parts.end();
        if (signature == null) {
            return SignatureModel.UnsignedProperties.NONE;
        }
        List<SignatureModel.SignatureTimestamp> timestamps = new ArrayList<>();
        List<byte[]> certificates = new ArrayList<>();
        List<byte[]> ocsp = new ArrayList<>();
        List<byte[]> crl = new ArrayList<>();
        List<String> others = new ArrayList<>();
        int archive = 0;
        int certificateValues = 0;
        int revocationValues = 0;
        Children props = Children.of(signature);
        for (Element p; (p = props.take()) != null; ) {
            String local = p.getLocalName();
            if (Xades.is(p, XADES, "SignatureTimeStamp")) {
                timestamps.add(timestamp(p));
            } else if (Xades.is(p, XADES, "CertificateValues")) {
                if (++certificateValues > 1) {
                    throw new StructureException("a second CertificateValues");
                }
                Children values = Children.of(p);
                for (Element c : values.many(XADES, "EncapsulatedX509Certificate")) {
                    certificates.add(base64(c));
                }
                values.end();
            } else if (Xades.is(p, XADES, "RevocationValues")) {
                if (++revocationValues > 1) {
                    throw new StructureException("a second RevocationValues: the signer's revocation evidence has one place");
                }
                revocationValues(p, ocsp, crl);
            } else if (Xades.is(p, XADES, "ArchiveTimeStamp") || Xades.is(p, XADES141, "ArchiveTimeStamp")) {
                archive++;
                others.add(local);
            } else if ((XADES.equals(p.getNamespaceURI()) && KNOWN_UNSIGNED.contains(local))
                    || Xades.is(p, XADES141, "TimeStampValidationData")) {
                others.add(local);
            } else {
                throw new StructureException(Children.name(p) + " is not an unsigned signature property allkiri knows");
            }
        }
        return new SignatureModel.UnsignedProperties(timestamps, certificates, ocsp, crl, archive, others);
    }

    private static void revocationValues(Element values, List<byte[]> ocsp, List<byte[]> crl) throws StructureException {
        Children parts = Children.of(values);
        Element crlValues = parts.optional(XADES, "CRLValues");
        Element ocspValues = parts.optional(XADES, "OCSPValues");
        parts.end();
        if (crlValues != null) {
            Children list = Children.of(crlValues);
            for (Element c : list.many(XADES, "EncapsulatedCRLValue")) {
                crl.add(base64(c));
            }
            list.end();
        }
        if (ocspValues != null) {
            Children list = Children.of(ocspValues);
            for (Element o : list.many(XADES, "EncapsulatedOCSPValue")) {
                ocsp.add(base64(o));
            }
            list.end();
        }
    }

    /** A XAdES time-stamp container (GenericTimeStampType) with encapsulated tokens. */
    private static SignatureModel.SignatureTimestamp timestamp(Element ts) throws StructureException {
        Children parts = Children.of(ts);
        parts.many(XADES, "Include");
        parts.many(XADES, "ReferenceInfo");
        Element c14n = parts.optional(DS, "CanonicalizationMethod");
        List<byte[]> tokens = new ArrayList<>();
        for (Element token : parts.many(XADES, "EncapsulatedTimeStamp")) {
            tokens.add(base64OrEmpty(token));
        }
        parts.end();
        return new SignatureModel.SignatureTimestamp(ts, c14n == null ? null : algorithm(c14n), tokens);
    }

    // ---- small parts ---------------------------------------------------------------------

    /**
     * Every Id a same-document reference of SignedInfo names, and the signature's own Id, is
     * carried by exactly one element (any attribute named Id in any case or namespace, xml:id
     * included): otherwise which element a reference means depends on the resolver, the door to
     * signature wrapping.
     */
    private static void uniqueIds(Document document, Element signature) throws StructureException {
        Set<String> named = new HashSet<>();
        if (signature.hasAttribute("Id")) {
            named.add(signature.getAttribute("Id"));
        }
        Element signedInfo = Xades.child(signature, DS, "SignedInfo");
        if (signedInfo != null) {
            for (Element ref : Xades.children(signedInfo, DS, "Reference")) {
                String uri = ref.getAttribute("URI");
                if (uri.startsWith("#")) {
                    named.add(uri.substring(1));
                }
            }
        }
        Map<String, Integer> count = new HashMap<>();
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attributes = all.item(i).getAttributes();
            for (int j = 0; j < attributes.getLength(); j++) {
                Attr a = (Attr) attributes.item(j);
                String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
                if (name.equalsIgnoreCase("id") && named.contains(a.getValue()) && count.merge(a.getValue(), 1, Integer::sum) > 1) {
                    throw new StructureException("two elements with the Id '" + a.getValue() + "', which the signature names");
                }
            }
        }
    }

    /** The Algorithm of a method element that must have no content. */
    private static String algorithm(Element method) throws StructureException {
        Children.of(method).end();
        String algorithm = attr(method, "Algorithm");
        if (algorithm == null) {
            throw new StructureException(Children.name(method) + " without an Algorithm");
        }
        return algorithm;
    }

    private static Instant dateTime(String text) throws StructureException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new StructureException("SigningTime '" + text + "' is not a date and time with its offset");
        }
    }

    private static byte[] base64(Element e) throws StructureException {
        Children.leaf(e);
        try {
            return Base64.getMimeDecoder().decode(Xades.text(e));
        } catch (IllegalArgumentException ex) {
            throw new StructureException(Children.name(e) + " is not base64");
        }
    }

    /** A time-stamp token as written; damaged base64 is an empty token, which then fails as a damaged token. */
    private static byte[] base64OrEmpty(Element e) throws StructureException {
        try {
            return base64(e);
        } catch (StructureException ex) {
            return new byte[0];
        }
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
