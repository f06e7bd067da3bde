package ee.allkiri.asic.container;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses META-INF/manifest.xml, an ODF 1.2 manifest (part 3, 3.2): root {@code manifest:manifest}
 * in {@code urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}, children {@code manifest:file-entry}
 * with {@code manifest:full-path} (required) and {@code manifest:media-type}. Elements of other
 * kinds are ignored. A DOCTYPE is refused, external entities, DTD loading and XInclude are off,
 * secure processing is on, and nesting deeper than 16 elements is refused (an ODF manifest is 3 deep). The factory belongs to this parser (one per {@link ContainerReader});
 * builders are made per call, so the parser is thread-safe.
 */
final class ManifestParser {

    static final String NAMESPACE = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make the manifest malformed
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** The manifest's entries in document order, or why it is malformed (then {@code entries} is null). */
    record Result(List<ManifestEntry> entries, String problem) {
        static Result malformed(String problem) {
            return new Result(null, problem);
        }
    }

    private final DocumentBuilderFactory factory;

    ManifestParser() {
        factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be configured securely", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute(ee.allkiri.asic.xades.SecureXml.MAX_DEPTH_ATTRIBUTE, "16");
    }

    Result parse(byte[] xml) {
        Document document;
        try {
            DocumentBuilder builder;
            synchronized (factory) {
                builder = factory.newDocumentBuilder();
            }
            builder.setErrorHandler(STRICT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity '" + systemId + "' refused");
            });
            document = builder.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXException | IOException e) {
            return Result.malformed("not well-formed XML or declares a DTD: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be configured", e);
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
