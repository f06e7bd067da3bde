package ee.allkiri.trustlist.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A first look at bytes that claim to be a trusted list: well-formed XML (no DTD), with the
 * ETSI TS 119 612 root element. Catches HTML error pages and truncated downloads before DSS
 * sees them, with a message that says so.
 *
 * @param type      the list's {@code SchemeInformation/TSLType} URI, or null
 * @param territory its {@code SchemeTerritory}, or null
 */
public record ListXml(String type, String territory) {

    /** The namespace of ETSI TS 119 612 trusted lists. */
    public static final String NS = "http://uri.etsi.org/02231/v2#";

    /**
     * @throws IOException when the bytes are not a trusted list
     */
    public static ListXml read(byte[] bytes, String source) throws IOException {
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            throw new IOException(describe(bytes, source) + ": " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!NS.equals(root.getNamespaceURI()) || !"TrustServiceStatusList".equals(root.getLocalName())) {
            throw new IOException(source + " is not a trusted list: its root element is <" + root.getTagName() + ">");
        }
        Element scheme = child(root, "SchemeInformation");
        if (scheme == null) {
            throw new IOException(source + " is not a trusted list: no SchemeInformation");
        }
        return new ListXml(text(child(scheme, "TSLType")), text(child(scheme, "SchemeTerritory")));
    }

    /** True for a list of trusted lists (TSLType ...listofthelists). */
    public boolean isListOfLists() {
        return type != null && type.toLowerCase(Locale.ROOT).endsWith("listofthelists");
    }

    private static String describe(byte[] bytes, String source) {
        String head = new String(bytes, 0, Math.min(bytes.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        if (head.contains("<html") || head.contains("<!doctype html")) {
            return source + " is an HTML page, not a trusted list";
        }
        return source + " is not well-formed XML (truncated or damaged)";
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().trim();
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return b;
        } catch (ParserConfigurationException e) {
            throw new IOException("no secure XML parser available", e);
        }
    }
}
