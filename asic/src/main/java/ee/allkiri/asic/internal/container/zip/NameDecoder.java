package ee.allkiri.asic.internal.container.zip;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Decodes entry names: UTF-8 when general purpose flag bit 11 says so; otherwise UTF-8 when the
 * bytes are valid UTF-8 (old writers put UTF-8 without the flag), else CP437 as APPNOTE says.
 * Not thread-safe (holds a decoder): one per parse.
 */
final class NameDecoder {

    private static final Charset CP437 = cp437();

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** A decoded name; {@code malformed} when flagged UTF-8 but not valid UTF-8. */
    record Decoded(String text, boolean malformed) {
    }

    Decoded decode(byte[] raw, boolean utf8Flag) {
        if (isAscii(raw)) {
            return new Decoded(new String(raw, StandardCharsets.ISO_8859_1), false);
        }
        try {
            return new Decoded(utf8.decode(ByteBuffer.wrap(raw)).toString(), false);
        } catch (CharacterCodingException e) {
            if (utf8Flag) {
                return new Decoded(new String(raw, StandardCharsets.UTF_8), true);
            }
            return new Decoded(new String(raw, CP437), false);
        }
    }

    private static boolean isAscii(byte[] raw) {
        for (byte b : raw) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static Charset cp437() {
        try {
            return Charset.forName("IBM437");
        } catch (UnsupportedCharsetException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
