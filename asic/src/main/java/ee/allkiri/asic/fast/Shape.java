package ee.allkiri.asic.fast;

import static ee.allkiri.asic.xades.Xades.DS;
import static ee.allkiri.asic.xades.Xades.SIGNED_PROPERTIES_TYPE;
import static ee.allkiri.asic.xades.Xades.XADES;
import static ee.allkiri.asic.xades.Xades.is;

import ee.allkiri.asic.xades.Xades;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The one shape of signature the fast path handles, read from the DOM: a single ds:Signature
 * with file references and one SignedProperties reference, one signer certificate in KeyInfo,
 * signed SigningTime and SigningCertificate, and either one signature time-stamp (LT) or none
 * (a BDOC time-mark). Anything else (other reference types or transforms, manifests, extra
 * objects, duplicate Ids, archive time-stamps, counter-signatures, ...) is not this shape, and
 * the signature goes through the full DSS validation.
 *
 * @param signedInfo          ds:SignedInfo
 * @param c14nMethod          its CanonicalizationMethod
 * @param signatureMethod     its SignatureMethod
 * @param signatureValue      the ds:SignatureValue element
 * @param signatureValueBytes its decoded value
 * @param files               file references (URI as written, digest method, digest value)
 * @param signedProperties    the referenced xades:SignedProperties element
 * @param propertiesC14n      the c14n transform on its reference, or null (inclusive by default)
 * @param propertiesDigestMethod digest method of that reference
 * @param propertiesDigest    digest value of that reference
 * @param signerCertificate   the DER of the only certificate in KeyInfo
 * @param certDigestMethod    SigningCertificate(V2) CertDigest method
 * @param certDigest          SigningCertificate(V2) CertDigest value
 * @param signingTime         the xades:SigningTime text
 * @param timestampToken      the EncapsulatedTimeStamp DER, or null for a time-mark
 * @param timestampC14n       the SignatureTimeStamp's CanonicalizationMethod, or null
 */
public record Shape(Element signedInfo, String c14nMethod, String signatureMethod, Element signatureValue,
             byte[] signatureValueBytes, List<FileReference> files, Element signedProperties, String propertiesC14n,
             String propertiesDigestMethod, byte[] propertiesDigest, byte[] signerCertificate, String certDigestMethod,
             byte[] certDigest, String signingTime, byte[] timestampToken, String timestampC14n) {

    /** A reference to a detached file. */
    public record FileReference(String uri, String digestMethod, byte[] digest) {
    }

    /** Reads the shape, or empty when the signature is not of it. */
    public static Optional<Shape> of(Document document) {
        try {
            return Optional.ofNullable(read(document));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Shape read(Document document) {
        Element root = document.getDocumentElement();
        List<Element> signatures = Xades.descendants(document, DS, "Signature");
        if (signatures.size() != 1) {
            return null;
        }
        Element signature = signatures.get(0);
        if (signature != root && signature.getParentNode() != root) {
            return null;
        }
        if (!uniqueIds(document)) {
            return null;
        }
        List<Element> parts = children(signature);
        // SignedInfo, SignatureValue, KeyInfo, Object (QualifyingProperties) and nothing else
        if (parts.size() != 4 || !is(parts.get(0), DS, "SignedInfo") || !is(parts.get(1), DS, "SignatureValue")
                || !is(parts.get(2), DS, "KeyInfo") || !is(parts.get(3), DS, "Object")) {
            return null;
        }
        Element signedInfo = parts.get(0);
        Element value = parts.get(1);
        Element keyInfo = parts.get(2);
        Element object = parts.get(3);

        List<Element> info = children(signedInfo);
        if (info.size() < 4 || !is(info.get(0), DS, "CanonicalizationMethod") || !is(info.get(1), DS, "SignatureMethod")) {
            return null;
        }
        String c14n = info.get(0).getAttribute("Algorithm");
        String method = info.get(1).getAttribute("Algorithm");
        if (!Algorithms.CANONICALIZATIONS.contains(c14n) || !Algorithms.SIGNATURES.containsKey(method)
                || !children(info.get(0)).isEmpty() || !children(info.get(1)).isEmpty()) {
            return null;
        }

        Element qualifying = only(object, XADES, "QualifyingProperties");
        if (children(object).size() != 1 || !("#" + signature.getAttribute("Id")).equals(qualifying.getAttribute("Target"))
                || signature.getAttribute("Id").isEmpty()) {
            return null;
        }
        List<Element> qualifyingParts = children(qualifying);
        Element signedProperties = qualifyingParts.get(0);
        if (!is(signedProperties, XADES, "SignedProperties") || Xades.descendants(document, XADES, "SignedProperties").size() != 1
                || qualifyingParts.size() > 2) {
            return null;
        }

        List<FileReference> files = new ArrayList<>();
        Element propertiesRef = null;
        for (Element ref : info.subList(2, info.size())) {
            if (!is(ref, DS, "Reference") || !ref.hasAttribute("URI")) {
                return null;
            }
            String uri = ref.getAttribute("URI");
            String type = ref.getAttribute("Type");
            if (SIGNED_PROPERTIES_TYPE.equals(type)) {
                if (propertiesRef != null) {
                    return null;
                }
                propertiesRef = ref;
            } else if (type.isEmpty() && !uri.isEmpty() && !uri.startsWith("#")) {
                List<Element> refParts = children(ref);
                if (refParts.size() != 2) {
                    return null; // no transforms on a file reference
                }
                files.add(new FileReference(uri, digestMethod(refParts.get(0)), digestValue(refParts.get(1))));
            } else {
                return null;
            }
        }
        if (propertiesRef == null || files.isEmpty()
                || !("#" + signedProperties.getAttribute("Id")).equals(propertiesRef.getAttribute("URI"))
                || signedProperties.getAttribute("Id").isEmpty()) {
            return null;
        }
        List<Element> propertiesParts = children(propertiesRef);
        String propertiesC14n = null;
        if (propertiesParts.size() == 3) {
            List<Element> transforms = children(only(propertiesRef, DS, "Transforms"));
            if (!is(propertiesParts.get(0), DS, "Transforms") || transforms.size() != 1
                    || !is(transforms.get(0), DS, "Transform")) {
                return null;
            }
            propertiesC14n = transforms.get(0).getAttribute("Algorithm");
            if (!Algorithms.CANONICALIZATIONS.contains(propertiesC14n) || !children(transforms.get(0)).isEmpty()) {
                return null;
            }
            propertiesParts = propertiesParts.subList(1, 3);
        } else if (propertiesParts.size() != 2) {
            return null;
        }

        List<Element> certificates = Xades.descendants(keyInfo, DS, "X509Certificate");
        if (certificates.size() != 1 || children(keyInfo).size() != 1) {
            return null;
        }

        Element signedSignature = only(signedProperties, XADES, "SignedSignatureProperties");
        Element signingTime = only(signedSignature, XADES, "SigningTime");
        Element signingCertificate = first(signedSignature, XADES, "SigningCertificateV2");
        if (signingCertificate == null) {
            signingCertificate = only(signedSignature, XADES, "SigningCertificate");
        }
        List<Element> certs = children(signingCertificate);
        if (certs.size() != 1) {
            return null;
        }
        Element certDigest = only(certs.get(0), XADES, "CertDigest");
        List<Element> digestParts = children(certDigest);
        if (digestParts.size() != 2) {
            return null;
        }

        byte[] token = null;
        String timestampC14n = null;
        Element unsignedSignature = qualifyingParts.size() == 2
                ? only(qualifyingParts.get(1), XADES, "UnsignedSignatureProperties") : null;
        if (unsignedSignature == null) {
            return null; // an LT or LT_TM signature carries its validation data unsigned
        }
        for (Element property : children(unsignedSignature)) {
            String local = property.getLocalName();
            if (is(property, XADES, "SignatureTimeStamp")) {
                if (token != null) {
                    return null;
                }
                for (Element part : children(property)) {
                    if (is(part, DS, "CanonicalizationMethod")) {
                        timestampC14n = part.getAttribute("Algorithm");
                    } else if (is(part, XADES, "EncapsulatedTimeStamp") && token == null) {
                        token = base64(part);
                    } else {
                        return null;
                    }
                }
                if (token == null || (timestampC14n != null && !Algorithms.CANONICALIZATIONS.contains(timestampC14n))) {
                    return null;
                }
            } else if (!(XADES.equals(property.getNamespaceURI())
                    && ("CertificateValues".equals(local) || "RevocationValues".equals(local)))) {
                return null; // archive time-stamps, counter-signatures, references: the full way
            }
        }
        return new Shape(signedInfo, c14n, method, value, base64(value), files, signedProperties, propertiesC14n,
                digestMethod(propertiesParts.get(0)), digestValue(propertiesParts.get(1)), base64(certificates.get(0)),
                digestMethod(digestParts.get(0)), digestValue(digestParts.get(1)), signingTime.getTextContent().trim(),
                token, timestampC14n);
    }

    private static String digestMethod(Element e) {
        if (!is(e, DS, "DigestMethod") || !children(e).isEmpty()) {
            throw new IllegalArgumentException("not a DigestMethod");
        }
        String method = e.getAttribute("Algorithm");
        if (!Algorithms.DIGESTS.containsKey(method)) {
            throw new IllegalArgumentException("digest method not for the fast path");
        }
        return method;
    }

    private static byte[] digestValue(Element e) {
        if (!is(e, DS, "DigestValue")) {
            throw new IllegalArgumentException("not a DigestValue");
        }
        return base64(e);
    }

    private static byte[] base64(Element e) {
        return Base64.getMimeDecoder().decode(e.getTextContent().trim());
    }

    /** Every Id attribute value in the document is distinct (no signature wrapping by Id collision). */
    private static boolean uniqueIds(Document document) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attributes = all.item(i).getAttributes();
            for (int j = 0; j < attributes.getLength(); j++) {
                Attr a = (Attr) attributes.item(j);
                String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
                if (name.equalsIgnoreCase("id") && !seen.add(a.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Element children in order; processing instructions or other node kinds are not this shape. */
    static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            } else if (n.getNodeType() != Node.TEXT_NODE && n.getNodeType() != Node.COMMENT_NODE) {
                throw new IllegalArgumentException("unexpected node");
            }
        }
        return out;
    }

    private static Element only(Element parent, String ns, String local) {
        Element found = null;
        for (Element e : children(parent)) {
            if (is(e, ns, local)) {
                if (found != null) {
                    throw new IllegalArgumentException("two " + local);
                }
                found = e;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no " + local);
        }
        return found;
    }

    private static Element first(Element parent, String ns, String local) {
        for (Element e : children(parent)) {
            if (is(e, ns, local)) {
                return e;
            }
        }
        return null;
    }
}
