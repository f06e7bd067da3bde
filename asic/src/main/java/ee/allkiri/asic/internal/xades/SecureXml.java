package ee.allkiri.asic.internal.xades;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A namespace-aware DOM parser that refuses DOCTYPE declarations (so no external entities
 * and no entity expansion) and XInclude, and elements nested deeper than {@link #MAX_DEPTH}
 * (DSS and Santuario walk the tree recursively, so deeper nesting would overflow their stack).
 * It is the JDK's own parser whatever else is on the class path. One instance per verifier;
 * each thread parses with its own builder, made once (a builder resets its state at the start of
 * every parse and keeps the factory's features, error handler and entity resolver).
 */
public final class SecureXml {

    /**
     * The deepest element nesting accepted: a XAdES LTA signature with a counter-signature is
     * about 20 deep, and the JDK's default of no limit lets a 16 MiB file nest 800,000 deep.
     */
    public static final int MAX_DEPTH = 100;

    /** The JDK parser's attribute for the nesting limit (JAXP, since JDK 7u45). */
    private static final String MAX_DEPTH_ATTRIBUTE = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
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

    private final DocumentBuilderFactory factory;
    /** A builder per thread, made once: making one per document cost 2 % of a bundle's CPU. */
    private final ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(this::newBuilder);

    /** A parser with the nesting limit {@link #MAX_DEPTH}. */
    public SecureXml() {
        this(MAX_DEPTH);
    }

    /** A parser that refuses elements nested deeper than {@code maxDepth}. */
    public SecureXml(int maxDepth) {
        factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a required security feature", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute(MAX_DEPTH_ATTRIBUTE, String.valueOf(maxDepth));
    }

    private DocumentBuilder newBuilder() {
        try {
            DocumentBuilder builder;
            synchronized (factory) { // a factory is not specified to be thread-safe
                builder = factory.newDocumentBuilder();
            }
            builder.setErrorHandler(STRICT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses bytes; a DOCTYPE, an entity or any well-formedness error is an exception. */
    public Document parse(byte[] xml) throws SAXException {
        try {
            return builders.get().parse(new ByteArrayInputStream(xml));
        } catch (IOException e) {
            throw new SAXException(e.getMessage(), e);
        }
    }
}
