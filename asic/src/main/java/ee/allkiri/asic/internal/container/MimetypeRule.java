package ee.allkiri.asic.internal.container;

import ee.allkiri.asic.internal.container.zip.ZipEntry;
import ee.allkiri.core.FindingCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The {@code mimetype} entry (ETSI EN 319 162-1 A.1, BDOC 2.1 6.1): present, first in the archive
 * (central directory order and offset 0), STORED, without a local extra field, holding exactly
 * {@code application/vnd.etsi.asic-e+zip}. A UTF-8 byte order mark is a warning; the rest must match.
 * An entry named {@code mimetype} but for letter case or surrounding white space is
 * {@code MIMETYPE_WRONG_NAME}. Which of these findings are errors for which container names is
 * {@link MimetypeLeniency}'s decision.
 */
final class MimetypeRule {

    static final String ASIC_E = "application/vnd.etsi.asic-e+zip";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Longer than any plausible mimetype; a longer entry is wrong without reading it. */
    private static final int MAX_READ = 256;

    private MimetypeRule() {
    }

    /** @return the decoded content (BOM stripped), or {@code null} when missing or unreadable */
    static String check(EntryLayout layout, EntryAccess access, FindingsCollector out) throws IOException {
        for (ZipEntry named : layout.firstByName().values()) {
            if (isMisnamed(named.name())) {
                out.add(named.index(), FindingCode.MIMETYPE_WRONG_NAME, named.name(), "an entry named '"
                        + printable(named.name()) + "' where '" + EntryLayout.MIMETYPE + "' belongs");
            }
        }
        ZipEntry entry = layout.first(EntryLayout.MIMETYPE);
        if (entry == null) {
            out.addContainer(FindingCode.MIMETYPE_MISSING, null, "the container has no 'mimetype' entry");
            return null;
        }
        int index = entry.index();
        String name = entry.name();
        if (index != 0 || entry.localHeaderOffset() != 0) {
            out.add(index, FindingCode.MIMETYPE_NOT_FIRST, name, "'mimetype' is entry " + index
                    + " at offset " + entry.localHeaderOffset() + "; it must be the first, at offset 0");
        }
        if (!entry.isStored()) {
            out.add(index, FindingCode.MIMETYPE_COMPRESSED, name, "'mimetype' is compressed (method " + entry.method() + ")");
        }
        if (entry.localExtraLength() > 0) {
            out.add(index, FindingCode.MIMETYPE_EXTRA_FIELD, name,
                    "the local header of 'mimetype' has a " + entry.localExtraLength() + "-byte extra field");
        }
        if (access.problem(entry) != null) {
            return null;
        }
        if (entry.size() > MAX_READ) {
            out.add(index, FindingCode.MIMETYPE_WRONG_CONTENT, name, "'mimetype' is " + entry.size() + " bytes long");
            return null;
        }
        byte[] content;
        try {
            content = access.readAll(entry, MAX_READ);
        } catch (EntryReadException e) {
            out.add(index, e.toFinding());
            return null;
        }
        if (startsWithBom(content)) {
            out.add(index, FindingCode.MIMETYPE_BOM, name, "'mimetype' starts with a UTF-8 byte order mark");
            content = Arrays.copyOfRange(content, BOM.length, content.length);
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (!Arrays.equals(content, ASIC_E.getBytes(StandardCharsets.US_ASCII))) {
            out.add(index, FindingCode.MIMETYPE_WRONG_CONTENT, name, "'mimetype' holds '" + printable(text)
                    + "', not '" + ASIC_E + "'");
        }
        return text;
    }

    /** A name that is "mimetype" but for letter case or surrounding white space. */
    static boolean isMisnamed(String name) {
        return !name.equals(EntryLayout.MIMETYPE) && name.strip().equalsIgnoreCase(EntryLayout.MIMETYPE);
    }

    private static boolean startsWithBom(byte[] content) {
        return content.length >= BOM.length && Arrays.equals(content, 0, BOM.length, BOM, 0, BOM.length);
    }

    private static String printable(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            b.append(c < 0x20 || c == 0x7F ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
