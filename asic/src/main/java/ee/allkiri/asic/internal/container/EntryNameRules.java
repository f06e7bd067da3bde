package ee.allkiri.asic.internal.container;

import ee.allkiri.asic.internal.container.zip.ZipEntry;
import ee.allkiri.core.FindingCode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entry names: safe relative paths (ETSI EN 319 162-1 A.1; APPNOTE 4.4.17) and unique, also
 * ignoring case (BDOC 2.1 6.1), a directory entry counting as its path without the trailing
 * slash: {@code ENTRY_NAME_UNSAFE}, {@code ENTRY_DUPLICATE},
 * {@code ENTRY_DUPLICATE_CASE}. Each finding is on the offending (later) entry.
 */
final class EntryNameRules {

    private EntryNameRules() {
    }

    static void check(List<ZipEntry> entries, FindingsCollector out) {
        int capacity = Math.max(16, entries.size() * 4 / 3 + 1);
        Set<String> seen = new HashSet<>(capacity);
        Map<String, String> folded = new HashMap<>(capacity);
        for (ZipEntry entry : entries) {
            String name = entry.name();
            String unsafe = unsafeReason(entry);
            if (unsafe != null) {
                out.add(entry.index(), FindingCode.ENTRY_NAME_UNSAFE, name, "unsafe entry name: " + unsafe);
            }
            // a directory entry 'x/' and a file 'x' are one path when extracted
            String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            if (!seen.add(path)) {
                out.add(entry.index(), FindingCode.ENTRY_DUPLICATE, name, "a second entry for the path '" + path + "'");
                continue;
            }
            String earlier = folded.putIfAbsent(path.toLowerCase(Locale.ROOT), name);
            if (earlier != null) {
                out.add(entry.index(), FindingCode.ENTRY_DUPLICATE_CASE, name,
                        "'" + name + "' differs from '" + earlier + "' only in case");
            }
        }
    }

    /** Why the name is unsafe, or {@code null} when it is a plain relative path. */
    static String unsafeReason(ZipEntry entry) {
        if (entry.nameMalformed()) {
            return "flagged as UTF-8 but not valid UTF-8";
        }
        return unsafeReason(entry.name());
    }

    /**
     * Why the entry name is unsafe as a path below a folder (empty, a control character, a
     * backslash, absolute, a drive letter, an empty, {@code .} or {@code ..} segment), or
     * {@code null} when it is a plain relative path (a directory's trailing slash allowed).
     */
    static String unsafeReason(String name) {
        if (name.isEmpty()) {
            return "empty";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return "control character U+" + String.format("%04X", (int) c);
            }
            if (c == '\\') {
                return "backslash";
            }
        }
        if (name.startsWith("/")) {
            return "absolute path";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && isAsciiLetter(name.charAt(0))) {
            return "drive letter";
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "'" + segment + "' path segment";
            }
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
