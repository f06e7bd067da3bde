package ee.allkiri.asic.internal.container;

import ee.allkiri.asic.internal.xades.SecureXml;
import ee.allkiri.asic.internal.xades.Xades;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Parses META-INF/manifest.xml, an ODF 1.2 manifest (part 3, 3.2): root {@code manifest:manifest}
 * in {@code urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}, children {@code manifest:file-entry}
 * with {@code manifest:full-path} (required) and {@code manifest:media-type}. Elements of other
 * kinds are ignored. A DOCTYPE is refused, external entities, DTD loading and XInclude are off,
 * secure processing is on ({@link SecureXml}), and nesting deeper than 16 elements is refused (an
 * ODF manifest is 3 deep). One parser per {@link ContainerReader}; thread-safe.
 */
final class ManifestParser {

    static final String NAMESPACE = Xades.MANIFEST;

    /** The manifest's entries in document order, or why it is malformed (then {@code entries} is null). */
    record Result(List<ManifestEntry> entries, String problem) {
        static Result malformed(String problem) {
            return new Result(null, problem);
        }
    }

    /** An ODF manifest is 3 elements deep. */
    private static final int MAX_DEPTH = 16;

    private final SecureXml parser = new SecureXml(MAX_DEPTH);

    Result parse(byte[] xml) {
        Document document;
        try {
            document = parser.parse(xml);
        } catch (SAXException e) {
            return Result.malformed("not well-formed XML or declares a DTD: " + e.getMessage());
        }
        if (document.getDoctype() != null) {
            return Result.malformed("declares a DTD");
        }
        Element root = document.getDocumentElement();
        if (!isManifestElement(root, "manifest")) {
            return Result.malformed("the root element is {" + root.getNamespaceURI() + "}" + root.getLocalName()
                    + ", not manifest:manifest");
        }
        List<ManifestEntry> entries = new ArrayList<>();
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element element) || !isManifestElement(element, "file-entry")) {
                continue;
            }
            Attr path = element.getAttributeNodeNS(NAMESPACE, "full-path");
            if (path == null) {
                return Result.malformed("a manifest:file-entry has no manifest:full-path");
            }
            Attr type = element.getAttributeNodeNS(NAMESPACE, "media-type");
            entries.add(new ManifestEntry(path.getValue(), type == null ? null : type.getValue()));
        }
        return new Result(List.copyOf(entries), null);
    }

    private static boolean isManifestElement(Element element, String localName) {
        return NAMESPACE.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }
}
