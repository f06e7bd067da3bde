package ee.allkiri.asic.internal.xades;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A cursor over the element children of one element, read in schema order: each step takes
 * the next child when it is the expected one, and {@link #end()} refuses whatever is left.
 * Element-only content may hold whitespace and comments between the elements, nothing else.
 * Not thread-safe; one per element read.
 */
final class Children {

    private final Element parent;
    private final List<Element> items;
    private int next;

    private Children(Element parent, List<Element> items) {
        this.parent = parent;
        this.items = items;
    }

    /** The element children of an element with element-only content. */
    static Children of(Element parent) throws StructureException {
        List<Element> items = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.ELEMENT_NODE -> items.add((Element) n);
                case Node.COMMENT_NODE -> { }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    if (!n.getNodeValue().isBlank()) {
                        throw new StructureException("text inside " + name(parent));
                    }
                }
                default -> throw new StructureException("a " + n.getNodeName() + " node inside " + name(parent));
            }
        }
        return new Children(parent, items);
    }

    /** Checks that an element with text content has no element (or processing-instruction) children. */
    static void leaf(Element element) throws StructureException {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            short type = n.getNodeType();
            if (type != Node.TEXT_NODE && type != Node.CDATA_SECTION_NODE && type != Node.COMMENT_NODE) {
                throw new StructureException("a " + n.getNodeName() + " node inside " + name(element));
            }
        }
    }

    /** The next child if it is this element, else null (and nothing is taken). */
    Element optional(String ns, String local) {
        if (next < items.size() && Xades.is(items.get(next), ns, local)) {
            return items.get(next++);
        }
        return null;
    }

    /** The next child, which must be this element. */
    Element required(String ns, String local) throws StructureException {
        Element e = optional(ns, local);
        if (e == null) {
            throw new StructureException(name(parent) + " lacks " + local + " in its place"
                    + (next < items.size() ? "; found " + name(items.get(next)) : ""));
        }
        return e;
    }

    /** Every next child that is this element (possibly none). */
    List<Element> many(String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Element e; (e = optional(ns, local)) != null; ) {
            out.add(e);
        }
        return out;
    }

    /** The next child whatever it is, or null at the end. */
    Element take() {
        return next < items.size() ? items.get(next++) : null;
    }

    /** Refuses a child that no step took. */
    void end() throws StructureException {
        if (next < items.size()) {
            throw new StructureException(name(items.get(next)) + " is not allowed where it stands in " + name(parent));
        }
    }

    static String name(Element e) {
        String prefix = Xades.DS.equals(e.getNamespaceURI()) ? "ds:"
                : Xades.XADES.equals(e.getNamespaceURI()) ? "xades:"
                : Xades.XADES141.equals(e.getNamespaceURI()) ? "xades141:" : "{" + e.getNamespaceURI() + "}";
        return prefix + e.getLocalName();
    }
}
