package ee.allkiri.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What a file is, by its first bytes (and, for ZIP archives, its name): enough to pick the
 * containers out of a folder, and to name the signature formats allkiri does not verify.
 */
enum ContentKind {
    /** A ZIP whose first entry is {@code mimetype} with {@code application/vnd.etsi.asic-e+zip}. */
    ASIC_E,
    /** A ZIP with the ASiC-S mimetype, or a ZIP named {@code .asics} / {@code .scs}. */
    ASIC_S,
    /** A DigiDoc DDOC file: XML whose root is {@code SignedDoc}. */
    DDOC,
    /** A PDF document. */
    PDF,
    /** Another ZIP archive. */
    ZIP,
    /** Anything else. */
    OTHER;

    /** How much of a file is looked at. */
    static final int HEAD = 4096;

    private static final Pattern SIGNED_DOC = Pattern.compile("<([A-Za-z_][\\w.-]*:)?SignedDoc[\\s>/]");
    private static final String ASIC_E_TYPE = "application/vnd.etsi.asic-e+zip";
    private static final String ASIC_S_TYPE = "application/vnd.etsi.asic-s+zip";

    /** The kind of the file, reading at most {@link #HEAD} bytes. */
    static ContentKind of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        return of(head, file.getFileName() == null ? "" : file.getFileName().toString());
    }

    /** The kind of a file that starts with {@code head} and has this name. */
    static ContentKind of(byte[] head, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            String mimetype = firstEntryMimetype(head);
            if (mimetype != null && mimetype.startsWith(ASIC_E_TYPE)) {
                return ASIC_E;
            }
            if ((mimetype != null && mimetype.startsWith(ASIC_S_TYPE)) || lower.endsWith(".asics") || lower.endsWith(".scs")) {
                return ASIC_S;
            }
            return ZIP;
        }
        if (startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return PDF;
        }
        if (SIGNED_DOC.matcher(new String(head, StandardCharsets.ISO_8859_1)).find()) {
            return DDOC;
        }
        return OTHER;
    }

    /** The content of the first entry if it is named {@code mimetype}, else null. */
    private static String firstEntryMimetype(byte[] head) {
        if (head.length < 30) {
            return null;
        }
        int method = u16(head, 8);
        int compressedSize = (int) Math.min(u32(head, 18), HEAD);
        int nameLength = u16(head, 26);
        int extraLength = u16(head, 28);
        int data = 30 + nameLength + extraLength;
        if (data > head.length
                || !"mimetype".equals(new String(head, 30, nameLength, StandardCharsets.US_ASCII))) {
            return null;
        }
        int available = head.length - data;
        int length = compressedSize > 0 ? Math.min(compressedSize, available) : available;
        byte[] content = java.util.Arrays.copyOfRange(head, data, data + length);
        if (method == 8) {
            content = inflate(content);
        } else if (method != 0) {
            return null;
        }
        return content == null ? null : new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
    }

    private static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            byte[] out = new byte[64];
            int n = inflater.inflate(out);
            return java.util.Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
    }
}
