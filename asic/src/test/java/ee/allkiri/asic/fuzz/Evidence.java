package ee.allkiri.asic.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validation data in a signature file's unsigned properties (time-stamp tokens, OCSP
 * responses, certificate values), found by its element's name, so that the fuzzer can edit a
 * value as DER and write it back as base64. None of it is signed content: an edit here is judged
 * by the paths' agreement, not by the no-false-pass oracle.
 */
final class Evidence {

    private Evidence() {
    }

    /** The byte ranges {start, end} of the base64 text of each element of the region, in file order. */
    static List<int[]> ranges(byte[] signatureFile, Region region) {
        String xml = new String(signatureFile, StandardCharsets.ISO_8859_1); // one char per byte: indexes are offsets
        Matcher start = Pattern.compile("<([\\w.-]+:)?" + region.evidenceElement() + "(\\s[^>]*)?>").matcher(xml);
        List<int[]> out = new ArrayList<>();
        while (start.find()) {
            String prefix = start.group(1) == null ? "" : start.group(1);
            int end = xml.indexOf("</" + prefix + region.evidenceElement() + ">", start.end());
            if (end >= 0) {
                out.add(new int[] {start.end(), end});
            }
        }
        return out;
    }

    /** The DER the base64 text in the range decodes to, or null when it is not base64. */
    static byte[] decode(byte[] signatureFile, int[] range) {
        try {
            return Base64.getMimeDecoder().decode(new String(signatureFile, range[0], range[1] - range[0],
                    StandardCharsets.ISO_8859_1).trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The signature file with the range's text replaced by the base64 of {@code der}. */
    static byte[] replace(byte[] signatureFile, int[] range, byte[] der) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(signatureFile.length + 64);
        out.write(signatureFile, 0, range[0]);
        out.writeBytes(Base64.getEncoder().encode(der));
        out.write(signatureFile, range[1], signatureFile.length - range[1]);
        return out.toByteArray();
    }
}
