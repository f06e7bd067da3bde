package ee.allkiri.cli;

/**
 * Whether a data file's name may become a file name under the extraction folder: a plain
 * relative path (the container reader flags the same names with {@code ENTRY_NAME_UNSAFE};
 * this is checked again here because extraction writes files).
 */
final class SafeNames {

    private SafeNames() {
    }

    /** Why the name is unsafe to write, or null when it is a plain relative path. */
    static String problem(String name) {
        if (name.isEmpty() || name.endsWith("/")) {
            return "not a file name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return "a control character in the name";
            }
            if (c == '\\') {
                return "a backslash in the name";
            }
        }
        if (name.startsWith("/")) {
            return "an absolute path";
        }
        if (name.length() >= 2 && name.charAt(1) == ':') {
            return "a drive letter";
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "a '" + segment + "' path segment";
            }
        }
        return null;
    }
}
