package ee.allkiri.asic.internal.xades;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The namespaces asic reads (XMLDSig, XAdES, ASiC, the OpenDocument manifest) and the
 * canonicalization URIs it names, each spelled once for the module, and small DOM helpers for
 * XMLDSig and XAdES. Stateless.
 */
public final class Xades {

    /** The XMLDSig namespace. */
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    /** The XAdES 1.3.2 namespace. */
    public static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    /** The XAdES 1.4.1 namespace. */
    public static final String XADES141 = "http://uri.etsi.org/01903/v1.4.1#";
    /** The Type of a reference to SignedProperties. */
    public static final String SIGNED_PROPERTIES_TYPE = "http://uri.etsi.org/01903#SignedProperties";
    /** The ASiC namespace (ETSI EN 319 162-1): XAdESSignatures, ASiCManifest. */
    public static final String ASIC = "http://uri.etsi.org/02918/v1.2.1#";
    /** The OpenDocument manifest namespace of {@code META-INF/manifest.xml}. */
    public static final String MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    /** Exclusive XML Canonicalization 1.0, without comments. */
    public static final String EXCLUSIVE_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    /** Canonical XML 1.0, without comments (the XMLDSig default). */
    public static final String INCLUSIVE_C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";

    private Xades() {
    }

    /** Element children of a node, in document order. */
    static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** Element children with the given namespace and local name. */
    static List<Element> children(Node parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (is(e, ns, local)) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Node parent, String ns, String local) {
        for (Element e : children(parent)) {
            if (is(e, ns, local)) {
                return e;
            }
        }
        return null;
    }

    /** Every descendant of an element or a document with the given namespace and local name, in document order. */
    public static List<Element> descendants(Node root, String ns, String local) {
        NodeList list = root instanceof Document d ? d.getElementsByTagNameNS(ns, local)
                : ((Element) root).getElementsByTagNameNS(ns, local);
        List<Element> out = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    /** Whether the element has the namespace and local name. */
    public static boolean is(Element e, String ns, String local) {
        return ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }

    /** Follows a path of child elements in one namespace-aware step each; null when absent. */
    static Element path(Element from, String[]... steps) {
        Element current = from;
        for (String[] step : steps) {
            if (current == null) {
                return null;
            }
            current = child(current, step[0], step[1]);
        }
        return current;
    }

    static String[] ds(String local) {
        return new String[] {DS, local};
    }

    static String[] xades(String local) {
        return new String[] {XADES, local};
    }

    static String text(Element e) {
        return e == null ? null : e.getTextContent().trim();
    }
}
