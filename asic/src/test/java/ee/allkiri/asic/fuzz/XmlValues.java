package ee.allkiri.asic.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The text nodes, attribute values and elements inside one element of an XML file, each by its
 * byte range in the file, for mutants that change one of them. A plain scanner, not a parser: it
 * reads the well-formed XML that signature files are (comments and processing instructions are
 * skipped, CDATA is text) and does not resolve anything.
 */
final class XmlValues {

    /**
     * A text node or an attribute's value.
     *
     * @param name    {@code text()} or {@code @} and the attribute's name
     * @param element the local name of the element it belongs to
     * @param start   its first byte in the file
     * @param end     one past its last byte
     */
    record Value(String name, String element, int start, int end) {
        @Override
        public String toString() {
            return element + "/" + name;
        }
    }

    /** An element, start tag to end tag: {@code [start, end)} in the file. */
    record Element(String name, int start, int end) {
        @Override
        public String toString() {
            return "<" + name + ">";
        }
    }

    /** What one element holds: its values and its elements (itself included), in document order. */
    record Scan(List<Value> values, List<Element> elements) {
    }

    private XmlValues() {
    }

    /** Scans the element at {@code [start, end)} of the file (as {@link SignedParts#range} gives it). */
    static Scan scan(byte[] file, int start, int end) {
        String xml = new String(file, StandardCharsets.ISO_8859_1); // one char per byte: indexes are offsets
        List<Value> values = new ArrayList<>();
        List<Element> elements = new ArrayList<>();
        Deque<String[]> open = new ArrayDeque<>(); // {name, start}
        int i = start;
        while (i < end) {
            if (xml.charAt(i) != '<') {
                int next = xml.indexOf('<', i);
                String element = open.isEmpty() ? "" : local(open.peek()[0]);
                values.add(new Value("text()", element, i, next));
                i = next;
            } else if (xml.startsWith("<!--", i)) {
                i = xml.indexOf("-->", i) + 3;
            } else if (xml.startsWith("<?", i)) {
                i = xml.indexOf("?>", i) + 2;
            } else if (xml.startsWith("<![CDATA[", i)) {
                int close = xml.indexOf("]]>", i);
                values.add(new Value("text()", local(open.peek()[0]), i + 9, close));
                i = close + 3;
            } else if (xml.startsWith("</", i)) {
                int close = xml.indexOf('>', i);
                String[] element = open.pop();
                elements.add(new Element(local(element[0]), Integer.parseInt(element[1]), close + 1));
                i = close + 1;
            } else {
                i = startTag(xml, i, values, elements, open);
            }
        }
        elements.sort(java.util.Comparator.comparingInt(Element::start));
        return new Scan(values, elements);
    }

    /** Reads a start tag at {@code i}; returns the offset after it. */
    private static int startTag(String xml, int i, List<Value> values, List<Element> elements, Deque<String[]> open) {
        int p = i + 1;
        while (!Character.isWhitespace(xml.charAt(p)) && xml.charAt(p) != '>' && xml.charAt(p) != '/') {
            p++;
        }
        String name = xml.substring(i + 1, p);
        while (true) {
            while (Character.isWhitespace(xml.charAt(p))) {
                p++;
            }
            if (xml.charAt(p) == '>') {
                open.push(new String[] {name, String.valueOf(i)});
                return p + 1;
            }
            if (xml.startsWith("/>", p)) {
                elements.add(new Element(local(name), i, p + 2));
                return p + 2;
            }
            int eq = xml.indexOf('=', p);
            String attribute = xml.substring(p, eq).trim();
            int quote = eq + 1;
            while (Character.isWhitespace(xml.charAt(quote))) {
                quote++;
            }
            int close = xml.indexOf(xml.charAt(quote), quote + 1);
            values.add(new Value("@" + attribute, local(name), quote + 1, close));
            p = close + 1;
        }
    }

    private static String local(String name) {
        return name.substring(name.indexOf(':') + 1);
    }

    /**
     * The start of each character of the value that a one-bit mutant may change: every
     * character but the bytes of an entity or character reference ({@code &amp;}, {@code &#13;}).
     */
    static List<Integer> characters(byte[] file, Value value) {
        List<Integer> out = new ArrayList<>();
        int i = value.start();
        while (i < value.end()) {
            int b = file[i] & 0xFF;
            if (b == '&') {
                while (i < value.end() && file[i] != ';') {
                    i++;
                }
                i++;
            } else {
                out.add(i);
                i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            }
        }
        return out;
    }

    /**
     * The file with one bit flipped in the character at {@code at} so that the XML stays
     * well-formed: for an ASCII character the lowest bit that gives another printable character
     * that needs no escaping; for a multi-byte UTF-8 character the lowest bit of its last byte
     * (another character of the same length). Returns which bit of which byte was flipped as
     * {@code {offset, bit}} in {@code flipped}.
     */
    static byte[] flip(byte[] file, int at, int[] flipped) {
        int b = file[at] & 0xFF;
        int offset = at;
        int bit = -1;
        if (b < 0x80) {
            for (int k = 0; k < 7 && bit < 0; k++) {
                int c = b ^ (1 << k);
                if (c >= 0x20 && c < 0x7F && "<>&\"'".indexOf(c) < 0) {
                    bit = k;
                }
            }
        } else {
            int length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            offset = at + length - 1;
            bit = 0;
        }
        byte[] out = file.clone();
        out[offset] ^= (byte) (1 << bit);
        flipped[0] = offset;
        flipped[1] = bit;
        return out;
    }
}
