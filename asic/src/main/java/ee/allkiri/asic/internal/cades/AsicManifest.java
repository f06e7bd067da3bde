package ee.allkiri.asic.internal.cades;

import ee.allkiri.asic.internal.xades.SecureXml;
import ee.allkiri.asic.internal.xades.Xades;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * An ASiCManifest (ETSI EN 319 162-1 A.4) as read: the signature it belongs to
 * ({@code SigReference/@URI}) and the files it lists, each with its digest method and value. Read
 * with the secure XML parser (no DTD, depth bounded); anything but SigReference,
 * DataObjectReference and ASiCManifestExtensions under the root is refused, as is a file named
 * twice. Immutable.
 *
 * @param signatureUri the SigReference URI, as written
 * @param references   the DataObjectReferences in document order
 */
public record AsicManifest(String signatureUri, List<Reference> references) {

    public static final String NAMESPACE = Xades.ASIC;
    private static final String DS = Xades.DS;

    /**
     * One DataObjectReference.
     *
     * @param uri             the URI as written
     * @param mimeType        the MimeType attribute, or null
     * @param digestAlgorithm the ds:DigestMethod Algorithm URI
     * @param digest          the decoded ds:DigestValue
     */
    public record Reference(String uri, String mimeType, String digestAlgorithm, byte[] digest) {
        public Reference {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
            digest = digest.clone();
        }

        @Override
        public byte[] digest() {
            return digest.clone();
        }
    }

    /** Thrown for a manifest that cannot be used; the message says why. */
    public static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    public AsicManifest {
        Objects.requireNonNull(signatureUri, "signatureUri");
        references = List.copyOf(references);
    }

    /** Reads a manifest's bytes. */
    public static AsicManifest parse(SecureXml parser, byte[] xml) throws MalformedException {
        Document document;
        try {
            document = parser.parse(xml);
        } catch (SAXException e) {
            throw new MalformedException("not well-formed XML: " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!NAMESPACE.equals(root.getNamespaceURI()) || !"ASiCManifest".equals(root.getLocalName())) {
            throw new MalformedException("the root is not asic:ASiCManifest");
        }
        String signature = null;
        List<Reference> references = new ArrayList<>();
        Set<String> uris = new HashSet<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            String name = NAMESPACE.equals(e.getNamespaceURI()) ? e.getLocalName() : "{" + e.getNamespaceURI() + "}" + e.getLocalName();
            switch (name) {
                case "SigReference" -> {
                    if (signature != null) {
                        throw new MalformedException("two SigReference elements");
                    }
                    signature = required(e, "URI", "SigReference");
                }
                case "DataObjectReference" -> {
                    Reference r = reference(e);
                    if (!uris.add(r.uri())) {
                        throw new MalformedException("'" + r.uri() + "' is listed twice");
                    }
                    references.add(r);
                }
                case "ASiCManifestExtensions" -> {
                    // extensions carry no signed-file information
                }
                default -> throw new MalformedException("unexpected element " + name);
            }
        }
        if (signature == null) {
            throw new MalformedException("no SigReference");
        }
        if (references.isEmpty()) {
            throw new MalformedException("no DataObjectReference");
        }
        return new AsicManifest(signature, references);
    }

    private static Reference reference(Element e) throws MalformedException {
        String uri = required(e, "URI", "DataObjectReference");
        String mimeType = e.hasAttribute("MimeType") ? e.getAttribute("MimeType") : null;
        Element method = null;
        Element value = null;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && DS.equals(c.getNamespaceURI())) {
                if ("DigestMethod".equals(c.getLocalName()) && method == null) {
                    method = c;
                } else if ("DigestValue".equals(c.getLocalName()) && value == null) {
                    value = c;
                } else {
                    throw new MalformedException("unexpected ds:" + c.getLocalName() + " in the reference to '" + uri + "'");
                }
            } else if (n instanceof Element c) {
                throw new MalformedException("unexpected element " + c.getLocalName() + " in the reference to '" + uri + "'");
            }
        }
        if (method == null || value == null) {
            throw new MalformedException("the reference to '" + uri + "' lacks its digest method or value");
        }
        byte[] digest;
        try {
            digest = Base64.getMimeDecoder().decode(value.getTextContent().strip());
        } catch (IllegalArgumentException ex) {
            throw new MalformedException("the digest value of '" + uri + "' is not base64");
        }
        return new Reference(uri, mimeType, required(method, "Algorithm", "DigestMethod"), digest);
    }

    private static String required(Element e, String attribute, String what) throws MalformedException {
        if (!e.hasAttribute(attribute) || e.getAttribute(attribute).isEmpty()) {
            throw new MalformedException(what + " has no " + attribute);
        }
        return e.getAttribute(attribute);
    }
}
