package ee.allkiri.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Reads the few things the build checks need from the project's pom files. */
public final class Poms {

    /** Modules that are built but not published: read and run, never depended on. */
    public static final List<String> UNPUBLISHED = List.of("bom", "bench", "examples");

    private Poms() {
    }

    /** The root element of a pom. */
    public static Element read(Path pom) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + pom, e);
        }
    }

    /** The text of the first direct child element with the name, or null. */
    public static String child(Element parent, String name) {
        Element e = element(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }

    /** The first direct child element with the name, or null. */
    public static Element element(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** The direct child elements with the name. */
    public static List<Element> elements(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The root pom's modules, in order. */
    public static List<String> modules(Path root) throws IOException {
        return elements(element(read(root.resolve("pom.xml")), "modules"), "module").stream()
                .map(e -> e.getTextContent().strip()).toList();
    }

    /** The published modules: every module but {@link #UNPUBLISHED}. */
    public static List<String> published(Path root) throws IOException {
        return modules(root).stream().filter(m -> !UNPUBLISHED.contains(m)).toList();
    }
}
