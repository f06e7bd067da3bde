package ee.allkiri.cli;

/** Escaping for the HTML report. */
final class Html {

    private Html() {
    }

    /** Text for element content and double-quoted attributes. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Text that may be broken after {@code _}, {@code /} and {@code ,} (finding codes, paths, names)
     * so that a narrow column wraps at a sensible place.
     */
    static String breakable(Object value) {
        return text(value).replace("_", "_<wbr>").replace("/", "/<wbr>").replace(",", ",<wbr>");
    }
}
