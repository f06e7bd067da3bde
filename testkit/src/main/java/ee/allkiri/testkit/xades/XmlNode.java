package ee.allkiri.testkit.xades;

import ee.allkiri.testkit.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal XML element tree for writing signatures, whose text is written directly in
 * Exclusive XML Canonicalization form (W3C xml-exc-c14n, without comments): start and end tags
 * for empty elements, attributes sorted, a namespace declared on the highest element of the
 * written subtree that uses its prefix, and c14n escaping. So {@link #canonical()} of any
 * element is exactly what a verifier computes for it with exclusive canonicalization, and the
 * whole document is the concatenation of such pieces: no canonicalizer is needed to sign.
 *
 * <p>Elements use the fixed prefixes of {@link #NAMESPACES}, or a prefix bound to another
 * namespace with {@link #ns}; attributes are unqualified (or {@code xml:}). A tree is built, and
 * possibly edited by a test ({@link #insert}, {@link #remove}, {@link #replace}), by one thread
 * and then only read.
 *
 * @since 0.1.0
 */
public final class XmlNode {

    /** The prefixes the signature documents use, and their namespaces. */
    public static final Map<String, String> NAMESPACES = Map.of(
            "ds", Identifiers.DS,
            "xades", Identifiers.XADES,
            "xades141", Identifiers.XADES141,
            "asic", Identifiers.ASIC);

    private final String prefix;
    private final String namespace;
    private final String qualifiedName;
    private final List<String[]> attributes = new ArrayList<>(2);
    private final List<Object> children = new ArrayList<>(4);

    private XmlNode(String qualifiedName) {
        int colon = qualifiedName.indexOf(':');
        if (colon < 0 || !NAMESPACES.containsKey(qualifiedName.substring(0, colon))) {
            throw new IllegalArgumentException("unknown prefix in " + qualifiedName);
        }
        this.prefix = qualifiedName.substring(0, colon);
        this.namespace = NAMESPACES.get(prefix);
        this.qualifiedName = qualifiedName;
    }

    private XmlNode(String qualifiedName, String namespace) {
        int colon = qualifiedName.indexOf(':');
        if (colon <= 0 || namespace == null || namespace.isEmpty()) {
            throw new IllegalArgumentException("a prefixed name and a namespace are needed: " + qualifiedName);
        }
        this.prefix = qualifiedName.substring(0, colon);
        this.namespace = namespace;
        this.qualifiedName = qualifiedName;
    }

    /** A new element, e.g. {@code el("ds:Reference")}. */
    public static XmlNode el(String qualifiedName) {
        return new XmlNode(qualifiedName);
    }

    /**
     * A new element whose prefix is bound to the given namespace, which may be another than
     * {@link #NAMESPACES} binds it to (e.g. {@code ns("evil:Data", "urn:attacker")} or
     * {@code ns("xades:UnsignedProperties", "http://uri.etsi.org/01903/v1.1.1#")}), for tests
     * that put foreign or misnamed elements into a signature.
     */
    public static XmlNode ns(String qualifiedName, String namespace) {
        return new XmlNode(qualifiedName, namespace);
    }

    /** An element holding only text. */
    public static XmlNode el(String qualifiedName, String text) {
        return new XmlNode(qualifiedName).text(text);
    }

    /** Adds an unqualified attribute (ignored when the value is null). */
    public XmlNode attr(String name, String value) {
        if (value != null) {
            attributes.add(new String[] {name, value});
        }
        return this;
    }

    public XmlNode text(String text) {
        children.add(text);
        return this;
    }

    /** Adds child elements (nulls are skipped). */
    public XmlNode add(XmlNode... nodes) {
        for (XmlNode node : nodes) {
            if (node != null) {
                children.add(node);
            }
        }
        return this;
    }

    public String qualifiedName() {
        return qualifiedName;
    }

    /** The namespace the element's prefix is bound to. */
    public String namespace() {
        return namespace;
    }

    /** The value of an attribute, or null. */
    public String attribute(String name) {
        for (String[] a : attributes) {
            if (a[0].equals(name)) {
                return a[1];
            }
        }
        return null;
    }

    /** Sets an attribute, replacing its value when present (a null value removes it). */
    public XmlNode setAttribute(String name, String value) {
        attributes.removeIf(a -> a[0].equals(name));
        return attr(name, value);
    }

    /** The text of this element's text children, concatenated. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Object c : children) {
            if (c instanceof String s) {
                out.append(s);
            }
        }
        return out.toString();
    }

    /** Removes a child element (by identity); returns this. */
    public XmlNode remove(XmlNode child) {
        if (!children.removeIf(c -> c == child)) {
            throw new IllegalArgumentException(child.qualifiedName + " is not a child of " + qualifiedName);
        }
        return this;
    }

    /** Inserts a child element before the {@code index}-th child element (the element count for the end). */
    public XmlNode insert(int index, XmlNode child) {
        int elementIndex = 0;
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof XmlNode) {
                if (elementIndex == index) {
                    children.add(i, child);
                    return this;
                }
                elementIndex++;
            }
        }
        if (elementIndex != index) {
            throw new IndexOutOfBoundsException(index + " of " + elementIndex + " child elements");
        }
        children.add(child);
        return this;
    }

    /** Replaces a child element (by identity) with another; returns this. */
    public XmlNode replace(XmlNode child, XmlNode replacement) {
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) == child) {
                children.set(i, replacement);
                return this;
            }
        }
        throw new IllegalArgumentException(child.qualifiedName + " is not a child of " + qualifiedName);
    }

    /** A deep copy: the same name, namespace, attributes and (copied) children. */
    public XmlNode copy() {
        XmlNode out = new XmlNode(qualifiedName, namespace);
        for (String[] a : attributes) {
            out.attributes.add(a.clone());
        }
        for (Object c : children) {
            out.children.add(c instanceof XmlNode n ? n.copy() : c);
        }
        return out;
    }

    /** A copy under another name in another namespace (same attributes and copied children). */
    public XmlNode renamed(String otherQualifiedName, String otherNamespace) {
        XmlNode out = new XmlNode(otherQualifiedName, otherNamespace);
        for (String[] a : attributes) {
            out.attributes.add(a.clone());
        }
        for (Object c : children) {
            out.children.add(c instanceof XmlNode n ? n.copy() : c);
        }
        return out;
    }

    /** The first child element with the name, or null. */
    public XmlNode child(String name) {
        for (Object c : children) {
            if (c instanceof XmlNode n && n.qualifiedName.equals(name)) {
                return n;
            }
        }
        return null;
    }

    /** The child elements, in order. */
    public List<XmlNode> elements() {
        List<XmlNode> out = new ArrayList<>();
        for (Object c : children) {
            if (c instanceof XmlNode n) {
                out.add(n);
            }
        }
        return out;
    }

    /** The exclusive canonical form of this element as the apex of a subtree, in UTF-8. */
    public byte[] canonical() {
        StringBuilder out = new StringBuilder(1024);
        render(out, Map.of());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A whole document: the XML declaration and this element as root. */
    public byte[] document() {
        StringBuilder out = new StringBuilder(16 * 1024);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>");
        render(out, Map.of());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The element in the exclusive canonical form, {@code declared} being the prefix bindings in scope. */
    private void render(StringBuilder out, Map<String, String> declared) {
        out.append('<').append(qualifiedName);
        Map<String, String> inScope = declared;
        if (!namespace.equals(declared.get(prefix))) {
            out.append(" xmlns:").append(prefix).append("=\"").append(namespace).append('"');
            inScope = new HashMap<>(declared);
            inScope.put(prefix, namespace);
        }
        List<String[]> sorted = attributes;
        if (attributes.size() > 1) {
            sorted = new ArrayList<>(attributes);
            sorted.sort(Comparator.comparing(a -> a[0]));
        }
        for (String[] a : sorted) {
            out.append(' ').append(a[0]).append("=\"");
            escape(a[1], out, true);
            out.append('"');
        }
        out.append('>');
        for (Object c : children) {
            if (c instanceof XmlNode n) {
                n.render(out, inScope);
            } else {
                escape((String) c, out, false);
            }
        }
        out.append("</").append(qualifiedName).append('>');
    }

    private static void escape(String s, StringBuilder out, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append(attribute ? ">" : "&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#xD;");
                case '\t' -> out.append(attribute ? "&#x9;" : "\t");
                case '\n' -> out.append(attribute ? "&#xA;" : "\n");
                default -> out.append(c);
            }
        }
    }
}
