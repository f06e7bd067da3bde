package ee.allkiri.asic.internal.container.zip;

import static ee.allkiri.asic.internal.container.zip.Bytes.u16;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * The Info-ZIP Unicode Path extra field (APPNOTE 6.3.10 4.6.9, header id 0x7075): a second,
 * UTF-8 name for an entry. Info-ZIP unzip, 7-Zip and Apache Commons Compress show it instead of
 * the header name (when its CRC matches the header name); java.util.zip and DSS ignore it. An
 * entry whose second name is another name is two files at once, so allkiri reads every such
 * field (not only the first) and refuses the entry when one names anything but its header name.
 * Stateless.
 */
final class UnicodePath {

    static final int HEADER_ID = 0x7075;

    private UnicodePath() {
    }

    /**
     * The first Unicode Path name in the extra data that is not the header name, a description
     * of a Unicode Path field that cannot be read, or null when every such field names the header name.
     */
    static String otherName(byte[] extra, String headerName) {
        int p = 0;
        while (p + 4 <= extra.length) {
            int id = u16(extra, p);
            int length = u16(extra, p + 2);
            if (p + 4 + length > extra.length) {
                return null;
            }
            if (id == HEADER_ID) {
                if (length < 5) {
                    return "(a Unicode Path field too short to hold a name)";
                }
                String name = utf8(extra, p + 9, length - 5);
                if (name == null) {
                    return "(a Unicode Path name that is not UTF-8)";
                }
                if (!name.equals(headerName)) {
                    return name;
                }
            }
            p += 4 + length;
        }
        return null;
    }

    private static String utf8(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
